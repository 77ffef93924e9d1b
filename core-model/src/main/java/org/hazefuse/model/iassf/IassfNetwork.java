package org.hazefuse.model.iassf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.model.iassf.density.HazeDensityEstimator;
import org.hazefuse.model.iassf.density.ReleasedHazeDensity;
import org.hazefuse.model.iassf.encoder.FeatureEncoder;
import org.hazefuse.model.iassf.fusion.FusionNetwork;
import org.hazefuse.image.Tensors;
import org.hazefuse.layers.ConvLayer;
import org.hazefuse.layers.Initializers;
import org.hazefuse.layers.NetworkBlock;
import org.hazefuse.layers.Padding;
import org.hazefuse.layers.Scalars;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.model.iassf.prompts.PromptEmbedding;
import org.hazefuse.model.iassf.prompts.PromptGenerator;
import org.hazefuse.model.iassf.restoration.RestorationBackbone;

/**
 * The whole IASSF network (docs/design/iassf.md, "Forward pass", steps 1–6), trained end to end.
 *
 * <p>Callers use the typed {@link #forward(ParameterStore, IassfInputs, boolean, DensitySettings, StageClock)}:
 * {@link IassfInputs} in, {@link IassfOutputs} out, any H, W ≥ 2. Inputs are reflect-padded to multiples of 4 and
 * the outputs cropped back. The positional {@link NDList} form of DJL's {@code Block.forward} (hazy, infrared[,
 * transmission, airlight] → dehazed, density, fused) stays for DJL's own machinery (initialisation, shapes).
 */
public final class IassfNetwork extends NetworkBlock {
    /** Keys of the typed forward's settings in DJL's untyped forward parameters; private to this class. */
    private static final String DENSITY_SETTINGS = "densitySettings";
    private static final String STAGE_CLOCK = "stageClock";
    /** The network's parts, in order: the names {@link #parametersOf} takes. */
    public static final List<String> PARTS =
            List.of("encoder", "infraredProjection", "prompts", "embedding", "restoration", "fusion");
    /** Inputs are padded to a multiple of this: the U-Nets downsample twice. */
    private static final int MULTIPLE = 4;

    private final IassfConfig config;
    private final FeatureEncoder encoder;
    private final ConvLayer infraredProjection;
    private final PromptGenerator prompts;
    private final PromptEmbedding embedding;
    private final RestorationBackbone restoration;
    private final FusionNetwork fusion;

    public IassfNetwork(IassfConfig config) {
        super((byte) 1);
        this.config = config;
        int c = config.channels();
        double gain = Initializers.depthGain(config.totalDepth());
        encoder = addMapChild("encoder", new FeatureEncoder(3, c, config.window(), gain), 3);
        infraredProjection = addMapChild("infraredProjection", ConvLayer.pointwise(c, 3), c);
        // The released code pads its prompt convs with zeros and resizes the fusion prompts with aligned corners
        // (docs/decisions/0004-released-code-variant.md); its restoration prompt is resized with corners not aligned.
        boolean released = config.density() == DensityVariant.RELEASED;
        prompts = addMapChild("prompts", new PromptGenerator(c, c, config.promptPool(), config.promptSide(),
                false, !released), c);
        embedding = addMapChild("embedding",
                new PromptEmbedding(c, config.embeddingHeads(), config.window(), gain, !released), c);
        restoration = addMapChild("restoration", new RestorationBackbone(config.stages(), config.window(), gain,
                config.physicsPrior() ? 4 : 3), c);
        fusion = addMapChild("fusion", new FusionNetwork(config.fusionWidth(), config.promptPool(),
                config.promptSide(), config.fusionHeads(), config.window(), gain, config.physicsPrior(), released,
                !released), 3);
    }

    public IassfConfig config() {
        return config;
    }

    /**
     * Tiles of a frame start at multiples of this many pixels: the attention windows of the deepest level (¼
     * resolution) then lie where the whole frame has them (docs/design/tiling.md).
     */
    public int alignment() {
        return config.window() * MULTIPLE;
    }

    /** The side the network pads an input side to (a multiple of 4, by reflection). */
    public static long padded(long size) {
        return size + Padding.padTo(size, MULTIPLE);
    }

    /**
     * Checks that every name is one of {@link #PARTS}.
     *
     * @throws IllegalArgumentException naming the first unknown part and the known ones
     */
    public static void requireParts(Collection<String> parts) {
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown network part '" + part + "': use "
                        + String.join(", ", PARTS));
            }
        }
    }

    /**
     * The parameters of the named {@link #PARTS}, in the network's order; all of them when {@code parts} is empty.
     *
     * @throws IllegalArgumentException for a name that is not a part
     */
    public List<Parameter> parametersOf(Collection<String> parts) {
        requireParts(parts);
        List<Parameter> out = new ArrayList<>();
        getParameters().forEach(p -> {
            // Keys are "<index><part>_<rest>", e.g. 06fusion_01head_weight.
            String part = p.getKey().replaceFirst("^[0-9]+", "").replaceFirst("_.*", "");
            if (parts.isEmpty() || parts.contains(part)) {
                out.add(p.getValue());
            }
        });
        return out;
    }

    /**
     * One forward pass.
     *
     * @param settings the density estimate's settings and the infrared assistance
     * @param clock records the time of each stage ({@link StageClock#OFF} records nothing)
     */
    public IassfOutputs forward(ParameterStore store, IassfInputs inputs, boolean training, DensitySettings settings,
            StageClock clock) {
        PairList<String, Object> params = new PairList<>();
        params.add(DENSITY_SETTINGS, settings);
        params.add(STAGE_CLOCK, clock);
        return IassfOutputs.of(forward(store, inputs.toList(), training, params));
    }

    /** One forward pass with the spec's density settings. */
    public IassfOutputs forward(ParameterStore store, IassfInputs inputs, boolean training) {
        return forward(store, inputs, training, DensitySettings.DEFAULT, StageClock.OFF);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        DensitySettings settings = params != null && params.contains(DENSITY_SETTINGS)
                ? (DensitySettings) params.get(DENSITY_SETTINGS)
                : DensitySettings.DEFAULT;
        StageClock clock = params != null && params.contains(STAGE_CLOCK)
                ? (StageClock) params.get(STAGE_CLOCK)
                : StageClock.OFF;
        IassfInputs in = IassfInputs.of(inputs);
        long h = in.hazy().getShape().get(2);
        long w = in.hazy().getShape().get(3);
        Stages stages = stages(store, in, training, settings, clock);
        return new IassfOutputs(crop(stages.restored(), h, w), crop(stages.shownDensity(), h, w),
                crop(stages.fused(), h, w)).toList();
    }

    /**
     * Every stage's output of one inference pass, cropped to the input's size, for comparing this network module by
     * module with another implementation (the parity tests against the authors' released code). Not a production
     * path: {@link #forward(ParameterStore, IassfInputs, boolean, DensitySettings, StageClock)} computes the same.
     */
    IassfTrace trace(ParameterStore store, IassfInputs inputs, DensitySettings settings) {
        long h = inputs.hazy().getShape().get(2);
        long w = inputs.hazy().getShape().get(3);
        Stages s = stages(store, inputs, false, settings, StageClock.OFF);
        return new IassfTrace(crop(s.visibleFeatures(), h, w), crop(s.infraredFeatures(), h, w),
                crop(s.compensated(), h, w), crop(s.density(), h, w), crop(s.restored(), h, w),
                crop(s.infraredImage(), h, w), crop(s.fused(), h, w));
    }

    private static NDArray crop(NDArray x, long h, long w) {
        return Padding.crop(x, 0, 0, h, w);
    }

    /** The intermediates of {@link #stages}, at the padded size. */
    private record Stages(NDArray visibleFeatures, NDArray infraredFeatures, NDArray infraredImage,
            NDArray compensated, NDArray density, NDArray restored, NDArray shownDensity, NDArray fused) {}

    /** The forward pass, docs/design/iassf.md, "Forward pass", steps 1–6, on inputs padded to multiples of 4. */
    private Stages stages(ParameterStore store, IassfInputs in, boolean training, DensitySettings settings,
            StageClock clock) {
        clock.start();
        NDArray hazyIn = in.hazy();
        long batch = hazyIn.getShape().get(0);
        NDArray hazy = Padding.reflectToMultiple(hazyIn, MULTIPLE);
        NDArray infrared = Padding.reflectToMultiple(in.infrared(), MULTIPLE);
        // The physical prior depends on the input alone. Computed first, it lets a tile stop right after it when
        // the tiles gather the frame's atmospheric light (FrameStatistics.refine); its time counts as step 4's.
        DarkChannelPrior.Estimate prior = config.physicsPrior() ? prior(in, hazy, settings) : null;
        clock.lap("density");

        // Step 1: one shared encoder for both modalities, run as one batch.
        NDArray features = apply(encoder, store, hazy.concat(infrared, 0), training);
        NDArray visibleFeatures = features.get("0:{}", batch);
        NDArray infraredFeatures = features.get("{}:", batch);
        NDArray infraredImage = apply(infraredProjection, store, infraredFeatures, training);
        clock.lap("encoder");
        // Steps 2-3: prompt from the non-shared information, embedded into the infrared branch.
        NDArray prompt = apply(prompts, store, visibleFeatures.sub(infraredFeatures), training);
        NDArray compensated = embedding.forward(store, new NDList(infraredFeatures, prompt), training)
                .singletonOrThrow();
        clock.lap("prompts");
        // Step 4: dark-channel density, no gradient; the user's assistance strength scales it.
        NDArray density = prior != null ? prior.density() : density(visibleFeatures, settings);
        NDArray assisted = Scalars.mul(density, settings.infraredAssist());
        // The spec clamps D to [0, 1]; the released code does not, and its weights were trained so.
        assisted = config.density() == DensityVariant.RELEASED ? assisted : assisted.clip(0, 1);
        clock.lap("density");
        // Step 5: X = D·F̃_ir + (1 − D)·F_vis + F_vis, then the U-Net.
        NDArray mixed = assisted.mul(compensated).add(assisted.neg().add(1).mul(visibleFeatures))
                .add(visibleFeatures);
        NDArray restored = apply(restoration, store, mixed, training);
        NDArray shownDensity = assisted.clip(0, 1); // what the application shows stays in [0, 1]
        if (prior != null) {
            PhysicsOutput physics = PhysicsOutput.of(restored, hazy, prior);
            restored = physics.restored();
            shownDensity = physics.density();
        }
        clock.lap("restoration");
        // Step 6: fusion of the restored visible image with the infrared representation.
        NDArray fused = fusion.forward(store, new NDList(restored, infraredImage), training).singletonOrThrow();
        if (prior != null) {
            fused = fused.add(restored.maximum(infrared));
        }
        clock.lap("fusion");
        return new Stages(visibleFeatures, infraredFeatures, infraredImage, compensated, density, restored,
                shownDensity, fused);
    }

    /** Step 4 without the physics prior: the spec's estimate, or the released code's (docs/design/iassf.md). */
    private NDArray density(NDArray visibleFeatures, DensitySettings settings) {
        return config.density() == DensityVariant.RELEASED
                ? ReleasedHazeDensity.estimate(visibleFeatures, settings)
                : HazeDensityEstimator.estimate(visibleFeatures, settings);
    }

    private static DarkChannelPrior.Estimate prior(IassfInputs in, NDArray paddedHazy, DensitySettings settings) {
        return in.prior()
                .map(p -> new DarkChannelPrior.Estimate(Padding.reflectToMultiple(p.transmission(), MULTIPLE),
                        p.airlight()))
                .orElseGet(() -> DarkChannelPrior.estimate(Tensors.toUnit(paddedHazy), settings));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s, new Shape(s.get(0), 1, s.get(2), s.get(3)), s};
    }

    /** Multiply-accumulates of one pair at height × width (convolutions, linear layers and attention products). */
    @Override
    public long macs(long height, long width) {
        long h = height + Padding.padTo(height, MULTIPLE);
        long w = width + Padding.padTo(width, MULTIPLE);
        return 2 * encoder.macs(h, w) + infraredProjection.macs(h, w) + prompts.macs(h, w) + embedding.macs(h, w)
                + restoration.macs(h, w) + fusion.macs(h, w);
    }

    /** Parameters of the restoration network (everything but the fusion stage). */
    public long restorationParameters() {
        return countParameters() - fusionParameters();
    }

    public long fusionParameters() {
        return count(fusion);
    }

    public long countParameters() {
        return count(this);
    }

    private static long count(ai.djl.nn.Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
    }
}
