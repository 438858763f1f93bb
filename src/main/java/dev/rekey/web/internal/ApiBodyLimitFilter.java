package dev.rekey.web.internal;

import dev.rekey.common.WebProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies larger than {@code rekey.web.max-api-body} before anything parses them: a
 * declared length over the limit gets 413 at once, a chunked body is cut off where it passes it.
 * The one exception is the CSV upload of {@code POST /api/v1/admin/imports}, a multipart body that
 * the container bounds with {@code spring.servlet.multipart.max-request-size} instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiBodyLimitFilter extends OncePerRequestFilter {

  /** Raised when a chunked body passes the limit; the API handler turns it into 413. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("Request body too large");
    }
  }

  private final long limit;
  private final ProblemWriter problems;

  ApiBodyLimitFilter(WebProperties properties, ProblemWriter problems) {
    this.limit = properties.maxApiBody().toBytes();
    this.problems = problems;
  }

  static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLarge) {
        return true;
      }
    }
    return false;
  }

  static final String UPLOAD_PATH = "/api/v1/admin/imports";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") || isUpload(request, path);
  }

  private static boolean isUpload(HttpServletRequest request, String path) {
    String type = request.getContentType();
    return "POST".equals(request.getMethod())
        && path.equals(UPLOAD_PATH)
        && type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      problems.write(request, response, 413, "payload_too_large");
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream delegate = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = delegate.read();
                if (b >= 0 && ++read > limit) {
                  throw new BodyTooLarge();
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                if (n > 0 && (read += n) > limit) {
                  throw new BodyTooLarge();
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return delegate.isFinished();
              }

              @Override
              public boolean isReady() {
                return delegate.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                delegate.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
