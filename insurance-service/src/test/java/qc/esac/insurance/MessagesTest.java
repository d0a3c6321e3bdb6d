package qc.esac.insurance;

import qc.esac.testkit.messages.MessageBundlesTest;

/** The platform's message-bundle rules (test-kit), on this service. */
class MessagesTest extends MessageBundlesTest {
}
