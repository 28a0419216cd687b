package io.tributary.hudi.query;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/**
 * Answers Spark SQL queries over Hudi tables, one request a line on standard input, until it closes:
 * {@code <table path> TAB <read options: key=value&key=value, may be empty> TAB <SQL over the view "t">}.
 * Each answer is its rows as JSON lines prefixed {@code ROW }, then {@code END}; a failed query answers
 * {@code FAILED <message>}. One Spark session (local, one core) serves every request, so tests pay its start once.
 */
public final class HudiQuery {
    private HudiQuery() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SparkSession spark = SparkSession.builder().master("local[1]").appName("tributary-hudi-query")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", "org.apache.spark.HoodieSparkKryoRegistrar")
                .config("spark.sql.extensions", "org.apache.spark.sql.hudi.HoodieSparkSessionExtension")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] request = line.split("\t", 3);
            try {
                DataFrameReader reader = spark.read().format("hudi");
                for (String option : request[1].split("&")) {
                    if (!option.isEmpty()) {
                        String[] pair = option.split("=", 2);
                        reader = reader.option(pair[0], pair[1]);
                    }
                }
                reader.load(request[0]).createOrReplaceTempView("t");
                for (String row : spark.sql(request[2]).toJSON().collectAsList()) {
                    out.println("ROW " + row);
                }
                out.println("END");
            } catch (Exception | LinkageError e) {
                out.println("FAILED " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
        spark.stop();
    }
}
