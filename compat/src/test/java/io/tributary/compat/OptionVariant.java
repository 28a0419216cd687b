package io.tributary.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A differential suite's variant, written {@code key=value & key=value & server=--option}: connector options over the
 * suite's defaults, and server options, with those a server needs for the connector options (MySQL writes a
 * statement's text to the binlog for {@code include.query} only under {@code binlog_rows_query_log_events}).
 */
record OptionVariant(Map<String, String> config, List<String> serverArguments) {
    static OptionVariant parse(String variant, TestServer server, Map<String, String> defaults) {
        Map<String, String> config = new HashMap<>(defaults);
        List<String> serverArguments = new ArrayList<>();
        for (String option : variant.split(" & ")) {
            String[] keyValue = option.split("=", 2);
            if (keyValue[0].equals("server")) {
                serverArguments.add(keyValue[1]);
            } else {
                config.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        if (server == TestServer.MYSQL && "true".equals(config.get("include.query"))) {
            serverArguments.add("--binlog-rows-query-log-events=ON");
        }
        return new OptionVariant(Map.copyOf(config), List.copyOf(serverArguments));
    }

    /** Starts the suite's server with the variant's options, in the permissive sql_mode the hunts use. */
    io.tributary.testkit.TestingBinlogServer startPermissive(TestServer server) {
        return server.startPermissive(serverArguments.toArray(String[]::new));
    }
}
