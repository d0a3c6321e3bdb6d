package qc.esac.membership;

import org.springframework.boot.test.context.SpringBootTest;
import qc.esac.testkit.ServiceStartupContract;

/** The service starts alone on a broker and a store and reports itself ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceStartupIT extends ServiceStartupContract {
}
