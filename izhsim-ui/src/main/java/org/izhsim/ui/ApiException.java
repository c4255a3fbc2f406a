package org.izhsim.ui;

/** A refused request: the HTTP status and the one-line reason sent as {@code {"error": reason}}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    static ApiException badRequest(String reason) {
        return new ApiException(400, reason);
    }
}
