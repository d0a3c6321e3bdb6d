package qc.esac.kit;

import qc.esac.testkit.messages.MessageBundlesTest;

/** The platform's message-bundle rules (test-kit), on the kit's own bundles. */
class MessagesTest extends MessageBundlesTest {

    @Override
    protected String bundle() {
        return "esac/kit-messages";
    }
}
