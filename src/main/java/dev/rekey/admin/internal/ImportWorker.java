package dev.rekey.admin.internal;

import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * One background thread for CSV imports, so a large file never ties up request threads or starves
 * the rest of the application; a few more imports may wait their turn. Deliberately not an {@code
 * Executor} bean, which would replace Spring Boot's application task executor.
 */
@Component
class ImportWorker implements DisposableBean {

  static final int WAITING = 8;

  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

  ImportWorker() {
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setQueueCapacity(WAITING);
    executor.setThreadNamePrefix("user-import-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(30);
    executor.initialize();
  }

  /**
   * @throws RejectedExecutionException when {@link #WAITING} imports are already waiting
   */
  void submit(Runnable work) {
    executor.execute(work);
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
