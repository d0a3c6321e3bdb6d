package qc.esac.bench;

import java.util.Map;

/** One measurement; it prints its tables and returns its figures for the JSON file. */
interface Scenario {

    /** The name {@code --scenario} selects it by. */
    String name();

    Map<String, Object> run(Run run, Report report) throws Exception;
}
