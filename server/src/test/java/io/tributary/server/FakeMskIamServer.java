package io.tributary.server;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import javax.security.sasl.SaslServerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A hand-written fake of Amazon MSK's side of {@code AWS_MSK_IAM} authentication, for a real Kafka broker running in
 * this JVM (no MSK can be reached from here): it keeps each signed authentication request a client sends and accepts
 * it with the answer MSK gives ({@code {"version":"2020_10_22","request-id":...}}), without checking the signature
 * against IAM. Registered as a security provider, which is how a broker finds the server side of a mechanism Kafka does
 * not build in.
 */
final class FakeMskIamServer {
    static final String MECHANISM = "AWS_MSK_IAM";
    private static final String PROVIDER = "TributaryFakeMskIam";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();

    private FakeMskIamServer() {
    }

    /** Makes the mechanism available to brokers started in this JVM from now on. */
    static void register() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new FakeProvider());
        }
    }

    /** The authentication requests received so far, as the JSON the clients signed. */
    static List<JsonNode> requests() {
        return List.copyOf(REQUESTS);
    }

    /** The security provider: {@code SaslServerFactory.AWS_MSK_IAM}. */
    public static final class FakeProvider extends Provider {
        public FakeProvider() {
            super(PROVIDER, "1.0", "a fake of MSK's AWS_MSK_IAM server side, for tests");
            put("SaslServerFactory." + MECHANISM, Factory.class.getName());
        }
    }

    /** Found by name through {@link FakeProvider}. */
    public static final class Factory implements SaslServerFactory {
        @Override
        public SaslServer createSaslServer(String mechanism, String protocol, String serverName,
                Map<String, ?> properties, CallbackHandler handler) {
            return MECHANISM.equals(mechanism) ? new Exchange() : null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> properties) {
            return new String[] {MECHANISM};
        }
    }

    /** One client's authentication: a signed request in, MSK's answer out. */
    private static final class Exchange implements SaslServer {
        private boolean complete;

        @Override
        public byte[] evaluateResponse(byte[] response) throws SaslException {
            try {
                REQUESTS.add(JSON.readTree(response));
            } catch (java.io.IOException e) {
                throw new SaslException("the authentication request is not JSON: " + e.getMessage(), e);
            }
            complete = true;
            return ("{\"version\":\"2020_10_22\",\"request-id\":\"" + UUID.randomUUID() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getMechanismName() {
            return MECHANISM;
        }

        @Override
        public boolean isComplete() {
            return complete;
        }

        @Override
        public String getAuthorizationID() {
            return "msk-iam-user";
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int length) {
            throw new IllegalStateException("AWS_MSK_IAM has no security layer");
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int length) {
            throw new IllegalStateException("AWS_MSK_IAM has no security layer");
        }

        @Override
        public Object getNegotiatedProperty(String name) {
            return null;
        }

        @Override
        public void dispose() {
        }
    }
}
