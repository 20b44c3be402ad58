package org.audiotag.style.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that TensorFlow Java is usable by this module before any TensorFlow class is touched, so that a missing
 * optional dependency ends in an {@link IllegalStateException} saying what to add instead of a
 * {@code NoClassDefFoundError} from deep inside a graph. TensorFlow is optional for audiotag-style: its Maven
 * dependencies are {@code <optional>} and its modules are {@code requires static}, so they are only there when the
 * application brings them. Not part of the API.
 */
public final class TensorFlowRequirement {
    /**
     * One class per TensorFlow module the style graphs use: module name, class name. The ndarray module comes with
     * tensorflow (which requires it transitively), so it is probed only when tensorflow itself was found.
     */
    private static final String[][] PROBES = {
        {"tensorflow", "org.tensorflow.Graph"},
        {"org.tensorflow.ndarray", "org.tensorflow.ndarray.Shape"},
        {"tensorflow.framework", "org.tensorflow.framework.optimizers.Adam"},
    };

    private TensorFlowRequirement() {
    }

    /**
     * Throws unless every TensorFlow module the style graphs need can be loaded and read from this module. Loads
     * the probe classes without initialising them (no native library is loaded here).
     *
     * @param user the public class that needs TensorFlow, for the message (e.g. {@code "StyleTransfer"})
     * @throws IllegalStateException naming what is missing and the dependency, {@code requires} or
     *     {@code --add-modules} that provides it
     */
    public static void check(String user) {
        Module self = TensorFlowRequirement.class.getModule();
        ClassLoader loader = TensorFlowRequirement.class.getClassLoader();
        List<String> problems = new ArrayList<>();
        for (String[] probe : PROBES) {
            if (probe[0].equals("org.tensorflow.ndarray") && !problems.isEmpty()) {
                continue;
            }
            try {
                Class<?> c = Class.forName(probe[1], false, loader);
                if (!self.canRead(c.getModule())) {
                    problems.add(probe[1] + " is on the class path, which module " + self.getName()
                            + " cannot read");
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(self.isNamed() ? "module " + probe[0] + " is not resolved"
                        : "class " + probe[1] + " is not on the class path");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(message(user, problems, self));
        }
    }

    private static String message(String user, List<String> problems, Module self) {
        StringBuilder sb = new StringBuilder();
        sb.append(user).append(" needs TensorFlow Java, an optional dependency of audiotag-style that is not available")
                .append(" to it (").append(String.join("; ", problems)).append("). Add the Maven dependencies ")
                .append("org.tensorflow:tensorflow-core-api, org.tensorflow:tensorflow-framework and ")
                .append("org.tensorflow:tensorflow-core-native with the platform classifier (e.g. linux-x86_64), ")
                .append("versions from audiotag-bom ")
                .append("(org.audiotag:audiotag-models brings all but tensorflow-framework)");
        if (self.isNamed()) {
            sb.append("; on the module path also put them in the module graph: ")
                    .append("'requires tensorflow; requires tensorflow.framework;' in your module-info.java, or ")
                    .append("'--add-modules tensorflow,tensorflow.framework' on the java command line");
        }
        return sb.append('.').toString();
    }
}
