package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginClassLoader;

class SdkOnlyClassLoaderTest {
    /** Sees everything the plugin host sees, as the host bundle's loader does. */
    private final ClassLoader host = getClass().getClassLoader();
    private final PluginClassLoader plugin = new PluginClassLoader(null, new DefaultPluginDescriptor(),
            new SdkOnlyClassLoader(host));

    @ParameterizedTest
    @ValueSource(strings = {"dev.eliza.sdk.GlobalRoutes", "org.pf4j.Extension", "jakarta.ws.rs.Path",
            "jakarta.ws.rs.core.Response"})
    void aPluginSeesTheSdkSurfaceAsTheHostDoes(String name) throws Exception {
        assertThat(plugin.loadClass(name)).isSameAs(host.loadClass(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.util.List", "java.sql.Connection", "javax.crypto.Cipher"})
    void aPluginSeesTheJdk(String name) throws Exception {
        assertThat(plugin.loadClass(name)).isSameAs(Class.forName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.osgi.framework.Bundle", "dev.eliza.persistence.api.Database",
            "dev.eliza.agents.api.AgentDirectory", "dev.eliza.pluginhost.PluginHost", "org.slf4j.Logger",
            "com.fasterxml.jackson.databind.ObjectMapper", "org.apache.ibatis.session.SqlSessionFactory"})
    void aPluginCannotLoadThePlatform(String name) throws Exception {
        assertThat(host.loadClass(name)).as("the host sees it").isNotNull();
        assertThatThrownBy(() -> Class.forName(name, true, plugin)).isInstanceOf(ClassNotFoundException.class);
        assertThat(plugin.getResource(name.replace('.', '/') + ".class")).isNull();
    }

    @Test
    void sdkResourcesComeFromTheHost() {
        assertThat(plugin.getResource("dev/eliza/sdk/GlobalRoutes.class")).isNotNull();
    }
}
