package qc.esac.training;

import org.springframework.boot.test.context.SpringBootTest;
import qc.esac.testkit.ApiDocumentContract;

/** The OpenAPI document is the committed openapi.json, and documents every operation (the same context as ServiceStartupIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentIT extends ApiDocumentContract {
}
