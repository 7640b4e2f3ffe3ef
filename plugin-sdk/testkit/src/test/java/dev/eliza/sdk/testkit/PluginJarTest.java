package dev.eliza.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.testkit.sample.SamplePlugin;

class PluginJarTest {
    @Test
    void writesAJarThatPf4jLoadsWithItsExtensions(@TempDir Path dir) throws Exception {
        Path jar = PluginJar.of("sample", "1.2.3").extensions(SamplePlugin.class).writeTo(dir);
        assertThat(jar.getFileName().toString()).isEqualTo("sample-1.2.3.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("sample");
            assertThat(file.getEntry("dev/eliza/sdk/testkit/sample/SamplePlugin$Weather.class")).isNotNull();
            assertThat(new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes()))
                    .contains("dev.eliza.sdk.testkit.sample.SamplePlugin$Routes")
                    .doesNotContain("SamplePlugin$Weather");
        }
        PluginManager manager = new DefaultPluginManager(dir);
        manager.loadPlugins();
        assertThat(manager.startPlugin("sample")).isEqualTo(PluginState.STARTED);
        List<GlobalRoutes> routes = manager.getExtensions(GlobalRoutes.class, "sample");
        assertThat(routes).singleElement().satisfies(r -> assertThat(r.getClass().getClassLoader())
                .isNotSameAs(SamplePlugin.class.getClassLoader()));
        manager.unloadPlugin("sample");
    }
}
