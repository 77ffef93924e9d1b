package org.hazefuse.cli;

import ai.djl.Device;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.hazefuse.runtime.Engines;
import org.hazefuse.catalog.MethodCatalog;
import org.hazefuse.model.iassf.IassfConfig;
import org.hazefuse.model.iassf.IassfConfigs;
import org.hazefuse.model.iassf.IassfNetwork;
import org.hazefuse.model.iassf.IassfMethod;
import org.hazefuse.method.FusionMethod;
import org.hazefuse.model.iassf.restoration.StageConfig;
import org.hazefuse.model.iassf.WeightsFile;
import org.hazefuse.model.iassf.WeightsManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.hazefuse.model.iassf.IassfFamily;
import org.hazefuse.model.MethodOptions;

/** {@code hazefuse info}: what a model is (configuration, size, cost, where its weights come from) and where it runs. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show a model's configuration and parameter count.",
            "Also multiply-accumulates per 640x480 pair, weights provenance, device."})
final class InfoCommand extends HeadlessCommand {
    /** The size the MACs are reported at (docs/design/iassf.md, "Loss and training": about 80 G for {@code paper}). */
    static final int MAC_HEIGHT = 480;
    static final int MAC_WIDTH = 640;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Option(names = "--model", defaultValue = "lite", paramLabel = "NAME|PATH",
            description = "Configuration or method name, or a weights file (.hzf) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    EngineOptions engine;

    /**
     * What {@code info} reports; the JSON document.
     *
     * @param status {@code trained}, {@code untrained} (seeded random weights) or {@code unknown}
     * @param source {@code shipped} (in the application), {@code file} or {@code none}
     * @param origin where imported weights were made (the manifest's provenance {@code source}, e.g. "IASSF
     *     authors' release"); null for weights trained here
     */
    record ModelInfo(String model, String description, String kind, IassfConfig configuration, Long parameters,
            Long restorationParameters, Long fusionParameters, Long macs640x480, Weights weights, String device) {}

    record Weights(String status, String source, String file, WeightsManifest manifest, String origin) {
        Weights(String status, String source, String file, WeightsManifest manifest) {
            this(status, source, file, manifest, manifest == null ? null
                    : manifest.provenance().get(IassfFamily.SOURCE));
        }
    }

    @Override
    protected int execute() throws Exception {
        Device device = device(engine);
        ModelInfo info;
        try (FusionMethod method = MethodCatalog.open(model, MethodOptions.defaults(device))) {
            info = describe(method, device);
        }
        if (json) {
            out().println(JSON.writeValueAsString(info));
        } else {
            printText(info);
        }
        return ExitCodes.OK;
    }

    private ModelInfo describe(FusionMethod method, Device device) {
        String where = Engines.describe(device);
        if (!(method instanceof IassfMethod iassf)) {
            return new ModelInfo(method.name(), method.description(), "baseline", null, null, null, null, null,
                    null, where);
        }
        IassfNetwork network = iassf.network();
        return new ModelInfo(method.name(), method.description(), "iassf", network.config(),
                network.countParameters(), network.restorationParameters(), network.fusionParameters(),
                network.macs(MAC_HEIGHT, MAC_WIDTH), weights(), where);
    }

    private Weights weights() {
        String key = model.toLowerCase(Locale.ROOT);
        if (IassfConfigs.byName(key).isPresent()) {
            Optional<WeightsManifest> shipped = IassfFamily.shippedManifest(key);
            return shipped.map(m -> new Weights(status(m), "shipped", null, m))
                    .orElseGet(() -> new Weights("untrained", "none", null, null));
        }
        Path file = Path.of(model);
        if (Files.exists(file)) {
            WeightsManifest m = WeightsFile.readManifest(file);
            return new Weights(status(m), "file", file.toAbsolutePath().toString(), m);
        }
        return new Weights("unknown", "none", null, null);
    }

    /** Trained when the manifest records training steps, or an origin elsewhere (imported published weights). */
    private static String status(WeightsManifest m) {
        if (m.provenance().containsKey(IassfFamily.SOURCE)) {
            return "trained";
        }
        String steps = m.provenance().get("steps");
        if (steps == null) {
            return "unknown";
        }
        try {
            return Long.parseLong(steps.trim()) > 0 ? "trained" : "untrained";
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    private void printText(ModelInfo info) {
        var o = out();
        o.printf("Model          %s%n", info.model());
        o.printf("Description    %s%n", info.description());
        o.printf("Device         %s%n", info.device());
        if (info.configuration() == null) {
            o.printf("Kind           two-stage baseline (no network weights)%n");
            return;
        }
        o.printf(Locale.ROOT, "Parameters     %,d (restoration %,d, fusion %,d)%n", info.parameters(),
                info.restorationParameters(), info.fusionParameters());
        o.printf(Locale.ROOT, "MACs           %.2f G per %dx%d pair%n", info.macs640x480() / 1e9, MAC_WIDTH,
                MAC_HEIGHT);
        Weights w = info.weights();
        o.printf("Weights        %s (%s)%s%n", w.status(), w.source(), w.file() == null ? "" : ": " + w.file());
        if (w.origin() != null) {
            o.printf("  origin       %s (density %s)%n", w.origin(), w.manifest().config().density());
        }
        if (w.manifest() != null) {
            WeightsManifest m = w.manifest();
            o.printf("  format       %s v%d, created %s%n", m.format(), m.formatVersion(), m.createdAt());
            o.printf("  sha256       %s%n", m.sha256());
            m.provenance().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> o.printf("  %-12s %s%n", e.getKey(), e.getValue()));
        }
        IassfConfig c = info.configuration();
        o.printf(Locale.ROOT, "Configuration  '%s': channels %d, window %d, prompt pool %d x %d^2, embedding heads %d,"
                        + " fusion width %d (heads %d), physics prior %s, density %s%n", c.name(), c.channels(),
                c.window(), c.promptPool(), c.promptSide(), c.embeddingHeads(), c.fusionWidth(), c.fusionHeads(),
                c.physicsPrior() ? "yes" : "no", c.density());
        int i = 0;
        for (StageConfig s : c.stages()) {
            o.printf(Locale.ROOT, "  stage %d      channels %d, depth %d, heads %d, MLP ratio %.1f, attention share %.2f%n",
                    ++i, s.channels(), s.depth(), s.heads(), s.mlpRatio(), s.attentionShare());
        }
    }
}
