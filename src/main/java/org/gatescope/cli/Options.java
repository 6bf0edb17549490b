package org.gatescope.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's {@code --name value} options and {@code --flag} switches, checked against
 * what the command accepts, so a typo is an error rather than silently ignored.
 */
final class Options {

    private final String command;
    private final Map<String, String> values = new HashMap<>();
    /** Every value of an option that may be given more than once, in the order given. */
    private final Map<String, List<String>> repeated = new HashMap<>();
    private Set<String> repeatable = Set.of();

    private Options(String command) {
        this.command = command;
    }

    /**
     * @param valued options that take a value (without the leading dashes)
     * @param switches options that take none
     */
    static Options parse(String command, String[] args, int from, Set<String> valued, Set<String> switches)
            throws UsageException {
        return parse(command, args, from, valued, switches, Set.of());
    }

    /**
     * As {@link #parse(String, String[], int, Set, Set)}; the options in {@code repeatable} (also in
     * {@code valued}) may be given several times, read with {@link #all}.
     */
    static Options parse(String command, String[] args, int from, Set<String> valued, Set<String> switches,
                         Set<String> repeatable) throws UsageException {
        Options options = new Options(command);
        options.repeatable = repeatable;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(command + ": unexpected argument '" + arg + "' (options start with --)");
            }
            String name = arg.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (switches.contains(name)) {
                if (inline != null) {
                    throw new UsageException(command + ": --" + name + " takes no value");
                }
                options.put(name, "true");
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                throw new UsageException(command + ": unknown option --" + name);
            }
        }
        return options;
    }

    private void put(String name, String value) throws UsageException {
        if (repeatable.contains(name)) {
            repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            values.put(name, value);
            return;
        }
        if (values.put(name, value) != null) {
            throw new UsageException(command + ": --" + name + " given twice");
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every value of a repeatable option, in the order given (empty if absent). */
    List<String> all(String name) {
        return List.copyOf(repeated.getOrDefault(name, List.of()));
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(command + ": --" + name + " is required");
        }
        return value;
    }

    int intValue(String name, int fallback, int min, int max) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new UsageException(command + ": --" + name + " must be between " + min + " and " + max
                        + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got '" + value + "'");
        }
    }

    long longValue(String name, long fallback) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The value of {@code name}, which must be one of {@code allowed}. */
    String choice(String name, String fallback, Set<String> allowed) throws UsageException {
        String value = get(name, fallback);
        if (!allowed.contains(value)) {
            throw new UsageException(command + ": --" + name + " must be one of " + String.join(", ",
                    allowed.stream().sorted().toList()) + ", got '" + value + "'");
        }
        return value;
    }
}
