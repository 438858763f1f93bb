package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.SignedInUser;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** What the import page and API share: the upload's limits and finding a job of the tenant. */
final class ImportFiles {

  /**
   * Largest file accepted; {@code spring.servlet.multipart.max-file-size} is set to the same, so
   * bigger uploads are cut off while streaming instead of being read into memory.
   */
  static final DataSize MAX_FILE = DataSize.ofMegabytes(5);

  private ImportFiles() {}

  /**
   * @throws CsvRejected when there is no file, an empty one or one over the limit
   */
  static byte[] bytes(@Nullable MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new CsvRejected("file_empty");
    }
    if (file.getSize() > MAX_FILE.toBytes()) {
      throw new CsvRejected("file_too_large");
    }
    return file.getBytes();
  }

  /**
   * @throws ApiProblem 404 {@code not_found} for an unknown id or another tenant's job
   */
  static ImportJob job(ImportJobs jobs, SignedInUser operator, String id) {
    UUID jobId;
    try {
      jobId = UUID.fromString(id.strip());
    } catch (IllegalArgumentException notAnId) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found");
    }
    return jobs.find(jobId)
        .filter(j -> j.tenantId().equals(operator.tenantId()))
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not_found"));
  }
}
