package io.tributary.source.mysql;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The first packet a MySQL or MariaDB server sends on a new connection, read only for its capability flags: whether
 * the server offers TLS. {@code database.ssl.mode=preferred} asks this before a JDBC connection, since Connector/J
 * knows no "TLS if offered" mode (the binlog client decides the same from the same packet). When a verifying mode's
 * connection fails, a TLS handshake of its own (no login) tells whether the server's certificate is the cause.
 */
final class ServerGreeting {
    private static final int PROTOCOL_10 = 10;
    private static final int CLIENT_SSL = 0x0800;
    private static final int CLIENT_PROTOCOL_41 = 0x0200;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int UTF8MB4_GENERAL_CI = 45;

    private ServerGreeting() {
    }

    /**
     * Whether the server at {@code host:port} offers TLS.
     *
     * @throws IOException when it cannot be reached or does not answer as a MySQL-protocol server
     */
    static boolean offersTls(String host, int port, int timeoutMs) throws IOException {
        try (Socket socket = connect(host, port, timeoutMs)) {
            return (capabilities(readPacket(socket)) & CLIENT_SSL) != 0;
        }
    }

    /**
     * Starts TLS with the server as a client would before logging in, and returns why the handshake failed — the
     * certificate not trusted, or not naming {@code host} when {@code checkHost} — or empty when it succeeded.
     *
     * @throws IOException when the server cannot be reached or offers no TLS
     */
    static Optional<String> tlsHandshakeFailure(String host, int port, int timeoutMs, SSLContext context,
            boolean checkHost) throws IOException {
        try (Socket socket = connect(host, port, timeoutMs)) {
            if ((capabilities(readPacket(socket)) & CLIENT_SSL) == 0) {
                throw new IOException("the server offers no TLS");
            }
            // an SSLRequest: capabilities, max packet size, character set, 23 bytes reserved; sequence number 1
            ByteBuffer request = ByteBuffer.allocate(4 + 32).order(ByteOrder.LITTLE_ENDIAN);
            request.put((byte) 32).put((byte) 0).put((byte) 0).put((byte) 1);
            request.putInt(CLIENT_SSL | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION).putInt(1 << 24)
                    .put((byte) UTF8MB4_GENERAL_CI);
            OutputStream out = socket.getOutputStream();
            out.write(request.array());
            out.flush();
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, port, false)) {
                if (checkHost) {
                    SSLParameters parameters = tls.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.setSSLParameters(parameters);
                }
                tls.startHandshake();
                return Optional.empty();
            } catch (SSLException e) {
                return Optional.of(String.valueOf(e.getMessage()));
            }
        }
    }

    private static Socket connect(String host, int port, int timeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] readPacket(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** The lower two bytes of the capability flags of a protocol-10 greeting. */
    static int capabilities(byte[] greeting) throws IOException {
        if (greeting.length == 0 || greeting[0] == (byte) 0xff) {
            throw new IOException("the server refused the connection before greeting");
        }
        if (greeting[0] != PROTOCOL_10) {
            throw new IOException("not a MySQL protocol 10 greeting (first byte " + greeting[0] + ")");
        }
        int at = 1;
        while (at < greeting.length && greeting[at] != 0) {
            at++; // the server version, NUL-terminated
        }
        at += 1 + 4 + 8 + 1; // NUL, connection id, first 8 bytes of the scramble, filler
        if (at + 2 > greeting.length) {
            throw new IOException("the server's greeting is too short");
        }
        return (greeting[at] & 0xff) | (greeting[at + 1] & 0xff) << 8;
    }
}
