package qc.esac.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LevelCheckingLogFactoryTest {

    /** A lazy message, like Spring's LogMessage: counts how often it is rendered. */
    private static final class Lazy {
        final AtomicInteger rendered = new AtomicInteger();

        @Override
        public String toString() {
            rendered.incrementAndGet();
            return "rendu";
        }
    }

    @Test
    void theGatewaysCommonsLoggingIsTheLevelCheckingOne() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
    }

    @Test
    void aMessageBelowTheLoggersLevelIsNeverRendered() {
        Logger logger = (Logger) LoggerFactory.getLogger("qc.esac.gateway.logging.essai");
        logger.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Log log = LogFactory.getLog("qc.esac.gateway.logging.essai");
        Lazy debug = new Lazy();
        Lazy info = new Lazy();

        log.debug(debug);
        log.trace(debug);
        log.info(info);

        assertThat(debug.rendered).hasValue(0);
        assertThat(info.rendered).hasValue(1);
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("rendu");
        assertThat(appender.list.get(0).getLoggerName()).isEqualTo("qc.esac.gateway.logging.essai");
        logger.detachAppender(appender);
    }
}
