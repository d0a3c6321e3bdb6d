package qc.esac.gateway;

import qc.esac.testkit.messages.MessageBundlesTest;

/** Every message code of the gateway in French and English. */
class MessagesTest extends MessageBundlesTest {
}
