package org.bootproxy.inventory.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import kong.unirest.core.RawResponse;

/**
 * An upstream answer's body read as it streams in, and never past a bound: a body announced larger is not
 * read at all, one that turns out larger is dropped at the bound (closing the stream closes the connection).
 * Three concurrent 40 MB answers used to be read whole, as strings, and exhausted the heap.
 *
 * @param text     the body, decoded with the charset the answer names (UTF-8 when none)
 * @param tooLarge true when the body passed the bound; {@code text} is then empty
 * @param declared the Content-Length announced, or -1
 * @param failure  the I/O error that cut the body short, or null
 */
record BoundedBody(String text, boolean tooLarge, long declared, IOException failure) {

    static BoundedBody read(RawResponse raw, long bound) {
        long declared = contentLength(raw);
        try (InputStream in = raw.getContent()) {
            if (declared > bound) {
                return new BoundedBody("", true, declared, null);
            }
            if (in == null) {
                return new BoundedBody("", false, declared, null);
            }
            byte[] bytes = in.readNBytes((int) bound + 1);
            if (bytes.length > bound) {
                return new BoundedBody("", true, declared, null);
            }
            return new BoundedBody(new String(bytes, charset(raw.getContentType())), false, declared, null);
        } catch (IOException e) {
            return new BoundedBody("", false, declared, e);
        }
    }

    private static long contentLength(RawResponse raw) {
        String value = raw.getHeaders().getFirst("Content-Length");
        try {
            return value == null || value.isBlank() ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
