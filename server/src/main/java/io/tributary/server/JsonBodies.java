package io.tributary.server;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;

/**
 * Reads request bodies as JSON, at most {@code maxBytes} of them: a larger body is refused with 413 after reading one
 * byte more than the limit (a declared larger length is refused before reading, by {@link RequestGuardFilter}), and
 * malformed JSON with 400. Errors never quote the body, which may hold a password.
 */
final class JsonBodies {
    private final ObjectMapper json;
    private final long maxBytes;

    JsonBodies(ObjectMapper json, long maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * @param expected what the body should hold, for the error message ("a JSON object of string properties")
     */
    <T> T read(InputStream body, TypeReference<T> type, String expected) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw new BadRequestException("the request body is empty: expected " + expected);
        }
        try {
            T value = json.readValue(bytes, type);
            if (value == null) {
                throw new BadRequestException("the request body is null: expected " + expected);
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadRequestException("the request body is not " + expected + " (malformed or of another shape"
                    + where + "); send Content-Type: application/json with " + expected);
        }
    }

    static ClientErrorException tooLarge(long maxBytes) {
        return new ClientErrorException("the request body is larger than " + maxBytes + " bytes, the REST API's "
                + "limit (rest.request.max.bytes); send a smaller body or raise the limit", 413);
    }
}
