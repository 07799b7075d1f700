package org.tesseracrm.kernel.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * How large a request body the API reads: a JSON body up to a configured size (a bulk call of 1,000 records fits),
 * a multipart upload up to the attachments' limit plus room for the form's other parts. A body whose
 * {@code Content-Length} is over the limit is refused before a byte of it is read; a body sent without a length
 * (chunked) is read into memory up to the limit, or, for an upload, refused (411), so that no body is ever read
 * further than the limit.
 */
final class BodyLimit {
    /** Room for a multipart form's boundaries, headers and small parts, over the file itself. */
    static final long FORM_ROOM = 64 * 1024;

    /** The verdict on one request. */
    sealed interface Verdict {
    }

    /**
     * The request may be served.
     *
     * @param request the request to serve: the original, or one whose body was read to check its size
     */
    record Accept(HttpServletRequest request) implements Verdict {
    }

    /**
     * The request is refused.
     *
     * @param status 411 or 413
     * @param detail what the client should do
     */
    record Refuse(int status, String detail) implements Verdict {
    }

    private BodyLimit() {
    }

    /**
     * @param request a request
     * @param jsonBytes the most bytes of a non-multipart body
     * @param uploadBytes the most bytes of a file in a multipart body
     * @return whether and how to serve it
     * @throws IOException if reading a chunked body fails
     */
    static Verdict check(HttpServletRequest request, long jsonBytes, long uploadBytes) throws IOException {
        boolean multipart = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT)
                .startsWith("multipart/");
        long limit = multipart ? uploadBytes + FORM_ROOM : jsonBytes;
        long length = request.getContentLengthLong();
        if (length > limit) {
            return new Refuse(413, tooLarge(multipart, length, limit, uploadBytes));
        }
        if (length >= 0 || request.getHeader("Transfer-Encoding") == null) {
            return new Accept(request);
        }
        if (multipart) {
            return new Refuse(411, "Send the upload with a Content-Length header (curl -F and most clients do).");
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            return new Refuse(413, tooLarge(false, -1, limit, uploadBytes));
        }
        return new Accept(new Buffered(request, body));
    }

    private static String tooLarge(boolean multipart, long length, long limit, long uploadBytes) {
        String size = length >= 0 ? "The request body is " + length + " bytes; " : "The request body is too large; ";
        return multipart
                ? size + "files may have at most " + uploadBytes + " bytes (" + megabytes(uploadBytes) + ")."
                : size + "the API reads at most " + limit + " bytes (" + megabytes(limit) + ") of JSON. Send a bulk "
                        + "change in several calls.";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A request whose body was read into memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
