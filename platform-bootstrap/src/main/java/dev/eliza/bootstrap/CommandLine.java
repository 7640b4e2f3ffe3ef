package dev.eliza.bootstrap;

import java.io.PrintStream;
import java.util.Optional;

/** The launcher's options: it takes none but {@code --help} and {@code --version}, which print and exit. */
final class CommandLine {
    static final String USAGE = String.join("\n",
            "Usage: eliza-server [--help | --version]",
            "Starts the Eliza server of this installation. Settings come from conf/platform.properties, each",
            "overridden by an environment variable of the same name (SERVER_PORT, SERVER_HOST, POSTGRES_URL,",
            "DATA_DIR, LOG_LEVEL, ELIZA_SERVER_AUTH_TOKEN, ...); JVM options from JAVA_OPTS.",
            "Exit codes: 1 start failed, 2 port in use, 3 data directory in use, 64 unknown option.");

    private CommandLine() {
    }

    /** Answers the options and returns the exit code; only called when there are some. */
    static int answer(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("eliza-server " + version());
            return 0;
        }
        err.println("Unknown option: " + String.join(" ", args));
        err.println(USAGE);
        return Main.EXIT_USAGE;
    }

    static String version() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("(development build)");
    }
}
