package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import dev.eliza.http.api.ApiException;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * Two nodes on one PostgreSQL, each with its own {@code plugins/} folder and real PF4J plugin jars: what the API
 * does on one node, the other does on its next tick; a node that was down catches up; a node's own jars stay its.
 */
class CataloguedPluginsTest {
    @TempDir
    Path root;
    private final List<Node> nodes = new ArrayList<>();

    /** One node's plugin host over its folder. */
    private record Node(Path dir, HostPluginManager manager, PluginHost host, PluginsFolder folder,
                        CataloguedPlugins catalogued, List<String> told) {
        static Node over(Path dir) throws IOException {
            Files.createDirectories(dir);
            HostPluginManager manager = new HostPluginManager(dir, CataloguedPluginsTest.class.getClassLoader());
            HostPluginContext.Services services = new HostPluginContext.Services(Map.of(),
                    new AgentsView(Optional::empty), new ChannelMessagesView(Optional::empty));
            PluginActivator activator = new PluginActivator(null, manager, new AgentRouteTable(Duration.ofSeconds(5)),
                    Optional::empty, services, null, new PluginRouteInvoker(), PluginCallSettings.DEFAULTS,
                    (id, reason) -> { });
            PluginHost host = new PluginHost(manager, activator, id -> () -> { });
            host.startAll();
            PluginsFolder folder = new PluginsFolder(dir, host);
            List<String> told = new CopyOnWriteArrayList<>();
            return new Node(dir, manager, host, folder, new CataloguedPlugins(dir, folder, host, new PluginCatalog(
                    SharedTestDatabase.get().sessionFactory(CataloguedPluginsTest.class.getClassLoader(),
                            PluginJarMapper.class)), told::add), told);
        }

        PluginState state(String id) {
            return manager.getPlugin(id).getPluginState();
        }

        String version(String id) {
            return manager.getPlugin(id).getDescriptor().getVersion();
        }
    }

    @BeforeAll
    static void migrate() throws IOException {
        PluginTables.migrate();
    }

    @BeforeEach
    void emptyTheCatalog() throws Exception {
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE plugin_jars");
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(n -> n.host().unloadAll());
    }

    private Node node(String name) throws IOException {
        Node node = Node.over(root.resolve(name));
        nodes.add(node);
        return node;
    }

    @Test
    void whatTheApiDoesOnOneNodeTheOtherDoesOnItsNextTick() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.catalogued().install(jar(a, "shared", "1.0.0"), "shared");
        assertThat(b.host().has("shared")).isFalse();

        b.catalogued().run();
        assertThat(b.state("shared")).isEqualTo(PluginState.STARTED);
        assertThat(b.dir().resolve("shared.jar")).exists();

        PluginWrapper before = b.manager().getPlugin("shared");
        a.catalogued().reload("shared");
        b.catalogued().run();
        assertThat(b.manager().getPlugin("shared")).as("reloaded on B").isNotSameAs(before);
        PluginWrapper reloaded = b.manager().getPlugin("shared");
        b.catalogued().run();
        assertThat(b.manager().getPlugin("shared")).as("once").isSameAs(reloaded);

        a.catalogued().enable("shared", false);
        b.catalogued().run();
        assertThat(b.state("shared")).isEqualTo(PluginState.STOPPED);
        b.catalogued().enable("shared", true);
        a.catalogued().run();
        assertThat(a.state("shared")).isEqualTo(PluginState.STARTED);

        b.catalogued().delete("shared");
        a.catalogued().run();
        assertThat(a.host().has("shared")).isFalse();
        assertThat(a.dir().resolve("shared.jar")).doesNotExist();
        assertThat(b.dir().resolve("shared.jar")).doesNotExist();
        assertThat(a.told()).as("install, reload, disable told to the others").containsExactly("shared", "shared",
                "shared");
        assertThat(b.told()).as("enable, delete; following the catalog tells nobody").containsExactly("shared",
                "shared");
    }

    @Test
    void aNodeThatWasDownCatchesUpWithInstallsAndDeletes() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.catalogued().install(jar(a, "early", "1.0.0"), "early");
        b.catalogued().run();
        b.host().unloadAll();
        nodes.remove(b);

        a.catalogued().delete("early");
        a.catalogued().install(jar(a, "later", "1.0.0"), "later");
        a.catalogued().enable("later", false);

        Node back = node("b");
        assertThat(back.host().has("early")).as("started from its folder").isTrue();
        back.catalogued().run();
        assertThat(back.host().has("early")).isFalse();
        assertThat(back.dir().resolve("early.jar")).doesNotExist();
        assertThat(back.state("later")).isEqualTo(PluginState.STOPPED);
    }

    @Test
    void anIdTheCatalogHasIs409OnANodeThatHasNotTakenItYetAndLeavesNothingThere() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.catalogued().install(jar(a, "taken", "1.0.0"), "taken");
        assertThatThrownBy(() -> b.catalogued().install(jar(b, "taken", "2.0.0"), "taken"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(b.host().has("taken")).isFalse();
        b.catalogued().run();
        assertThat(b.version("taken")).isEqualTo("1.0.0");
    }

    @Test
    void aNodesOwnJarOfACataloguedIdIsLeftAloneAndSurvivesTheCataloguesDelete() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Files.move(jar(b, "mine", "0.9.0"), b.dir().resolve("mine-by-hand.jar"));
        b.folder().scan();
        b.folder().scan();
        assertThat(b.version("mine")).isEqualTo("0.9.0");

        a.catalogued().install(jar(a, "mine", "1.0.0"), "mine");
        b.catalogued().run();
        assertThat(b.version("mine")).isEqualTo("0.9.0");
        a.catalogued().delete("mine");
        b.catalogued().run();
        assertThat(b.version("mine")).isEqualTo("0.9.0");
        assertThat(b.dir().resolve("mine-by-hand.jar")).exists();
    }

    @Test
    void aDeleteOfWhatNoNodeHasIs404() throws Exception {
        Node a = node("a");
        assertThatThrownBy(() -> a.catalogued().delete("nothing"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private static Path jar(Node node, String id, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", id);
        manifest.getMainAttributes().putValue("Plugin-Version", version);
        Path jar = node.folder().newUpload();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
