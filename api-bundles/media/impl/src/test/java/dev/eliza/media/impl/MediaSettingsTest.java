package dev.eliza.media.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The folder follows DATA_DIR; the upload limit is 50 MiB unless MEDIA_MAX_UPLOAD_BYTES is a positive number. */
class MediaSettingsTest {
    @Test
    void defaultsAndOverrides() {
        assertThat(MediaSettings.from(Map.<String, String>of()::get))
                .isEqualTo(new MediaSettings(Path.of("data/media"), 50L * 1024 * 1024));
        assertThat(MediaSettings.from(Map.of("DATA_DIR", "/srv/eliza", "MEDIA_MAX_UPLOAD_BYTES", " 1048576 ")::get))
                .isEqualTo(new MediaSettings(Path.of("/srv/eliza/media"), 1024 * 1024));
        for (String bad : new String[] {"0", "-5", "lots", "99999999999999999999"}) {
            assertThat(MediaSettings.from(Map.of("MEDIA_MAX_UPLOAD_BYTES", bad)::get).maxUploadBytes()).as(bad)
                    .isEqualTo(MediaSettings.DEFAULT_MAX_UPLOAD);
        }
    }
}
