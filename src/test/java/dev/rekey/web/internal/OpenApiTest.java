package dev.rekey.web.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.RekeyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RekeyTest
class OpenApiTest {

  @Autowired MockMvc mvc;

  @Test
  void apiDescriptionListsTheSessionResourceAndNoPages() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("Rekey API"))
        .andExpect(jsonPath("$.paths['/api/v1/session'].post").exists())
        .andExpect(jsonPath("$.paths['/login']").doesNotExist())
        .andExpect(jsonPath("$.paths['/api/v1/session'].get.parameters").doesNotExist());
  }
}
