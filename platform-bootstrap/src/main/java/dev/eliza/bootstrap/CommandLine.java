package dev.eliza.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The launcher's options: {@code --help} and {@code --version} print and exit; {@code --character path.json}
 * (repeatable) names character files to create or update and start at launch.
 */
final class CommandLine {
    static final String USAGE = String.join("\n",
            "Usage: eliza-server [--character path.json]... | --help | --version",
            "Starts the Eliza server of this installation on http://127.0.0.1:3000/ (the web client) with the",
            "embedded database under data/. A fresh data directory gets the default agent Eliza.",
            "  --character FILE   create the ElizaOS character of FILE (or update the agent of the same name)",
            "                     and start it; repeatable",
            "  --help, --version  print and exit");

    /**
     * What the arguments ask for: an exit code when they were answered here (help, version, a mistake), otherwise
     * the character files to launch with, made absolute against the working folder.
     */
    record Parsed(OptionalInt exitCode, List<Path> characters) {
    }

    private CommandLine() {
    }

    static Parsed parse(String[] args, Path workingDir, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            out.println();
            out.print(settings());
            return exit(0);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("eliza-server " + version());
            return exit(0);
        }
        List<Path> characters = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--character") && i + 1 < args.length) {
                characters.add(workingDir.resolve(args[++i]).normalize());
            } else if (args[i].startsWith("--character=") && args[i].length() > "--character=".length()) {
                characters.add(workingDir.resolve(args[i].substring("--character=".length())).normalize());
            } else {
                err.println(args[i].equals("--character") ? "--character needs a file" : "Unknown option: " + args[i]);
                err.println(USAGE);
                return exit(Main.EXIT_USAGE);
            }
        }
        return new Parsed(OptionalInt.empty(), List.copyOf(characters));
    }

    static String version() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("(development build)");
    }

    private static Parsed exit(int code) {
        return new Parsed(OptionalInt.of(code), List.of());
    }

    private static String settings() {
        try (InputStream in = CommandLine.class.getResourceAsStream("settings.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
