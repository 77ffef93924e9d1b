package org.hazefuse.model.iassf.release;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hazefuse.model.iassf.IassfNetwork;

/**
 * Where each parameter of a {@code paper} network comes from in the IASSF authors' released checkpoint: the key
 * table of issue 13, written as the released code's module tree beside ours (docs/import-weights.md).
 *
 * <p>The released checkpoint holds two state dicts, {@value #RESTORATION} (the encoder, prompts, density mixing
 * and the restoration U-Net: {@code models/IASSF.py}'s {@code IASSF}) and {@value #FUSION} (the fusion U-Net,
 * {@code RestormerUNet}). Every released key is accounted for in exactly one way:
 * <ul>
 *   <li><b>mapped</b> onto one of our parameters, with the same elements in the same (C) order; where the shapes
 *       differ it is only by axes of size 1 ({@link ShapeRule}): RLN's {@code meta1}/{@code meta2} are 1 → C
 *       convolutions, weight [C,1,1,1] and bias [C], where ours are per-channel (1,C,1,1) multiply-adds; the prompt
 *       pools carry a leading 1, [1,L,C,S,S] against (L,C,S,S);</li>
 *   <li><b>derived</b>: the {@code relative_positions} buffer of every window attention, which our attention
 *       computes itself; it must equal ours ({@link ReleasedCheckpointImporter} checks it);</li>
 *   <li><b>unused</b>: {@link #UNUSED}, parameters the released forward pass never reads (1,154 values).</li>
 * </ul>
 * The other way round, 270 of our parameters have no released key, all biases of convolutions the released code
 * builds with {@code bias=False} ({@link Leaf#zero}): 72 in the restoration network (the conv3x3 after the prompt
 * pool and the embedding's conv1x1 and conv3x3, 24 each) and 198 in the fusion network (its prompt generator's
 * conv1x1 in, conv3x3 and conv1x1 out, 6 each; the prompt adjustment conv1x1 of each of the 5 levels, 6 + 12 + 24
 * + 12 + 6; the embedding's conv1x1 and conv3x3 of each level, 2 × 60). Import sets them to zero, so {@code paper}
 * keeps its 11,197,692 parameters and computes the released function.
 *
 * <p>Our parameter names are DJL's, {@code 05restoration_02stage1_01block0_01unit_01value_01conv_weight}: the
 * two-digit child indices are dropped and the rest read as a dotted path, {@code restoration.stage1.block0.unit.
 * value.conv.weight}, which the tables below rewrite segment by segment into
 * {@code layer1.blocks.0.attn.V.weight}.
 */
public final class ReleasedKeyTable {
    /** The released checkpoint's entry with the restoration network. */
    public static final String RESTORATION = "dehaze_network_state_dict";
    /** The released checkpoint's entry with the fusion network. */
    public static final String FUSION = "fusion_network_state_dict";
    /** Released parameters that the released forward pass never uses: ignored when present. */
    public static final List<String> UNUSED = List.of("w_ir", "w_vi", "ir_scale_conv.weight", "vi_scale_conv.weight");
    /** The buffer of each released window attention that our attention computes instead. */
    public static final String RELATIVE_POSITIONS = "relative_positions";

    /** How a released tensor's shape relates to ours; the elements are the same, in the same order. */
    public enum ShapeRule {
        /** The same shape. */
        SAME,
        /** RLN's meta conv weight: ours (1, C, 1, 1), released [C, 1, 1, 1]. */
        CONV_1_TO_C_WEIGHT,
        /** RLN's meta conv bias: ours (1, C, 1, 1), released [C]. */
        CONV_1_TO_C_BIAS,
        /** A prompt pool: ours (L, C, S, S), released [1, L, C, S, S]. */
        LEADING_ONE;

        /** The released shape of one of our parameters of shape {@code ours}. */
        public long[] released(Shape ours) {
            long[] s = ours.getShape();
            return switch (this) {
                case SAME -> s;
                case CONV_1_TO_C_WEIGHT -> new long[] {s[1], 1, 1, 1};
                case CONV_1_TO_C_BIAS -> new long[] {s[1]};
                case LEADING_ONE -> prepend(s);
            };
        }

        private static long[] prepend(long[] s) {
            long[] out = new long[s.length + 1];
            out[0] = 1;
            System.arraycopy(s, 0, out, 1, s.length);
            return out;
        }
    }

    /**
     * Where one of our parameters comes from.
     *
     * @param parameter ours
     * @param path our dotted path (DJL's name without child indices)
     * @param stateDict {@link #RESTORATION} or {@link #FUSION}
     * @param releasedKey the released key, or null for a bias the released code does not have (set to zero)
     * @param releasedShape the released tensor's shape (ours when {@code releasedKey} is null)
     */
    public record Source(Parameter parameter, String path, String stateDict, String releasedKey,
            long[] releasedShape) {
        public boolean zero() {
            return releasedKey == null;
        }
    }

    /** A released buffer our network derives instead of reading: its state dict and key. */
    public record Derived(String stateDict, String key) {}

    /** The whole plan for one network: a source for each of our parameters, and the derived buffers. */
    public record Plan(List<Source> sources, List<Derived> derived) {
        /** Every released key this plan reads or checks, per state dict (the unused ones excluded). */
        public Set<String> releasedKeys(String stateDict) {
            Set<String> keys = new LinkedHashSet<>();
            sources.stream().filter(s -> !s.zero() && s.stateDict().equals(stateDict))
                    .forEach(s -> keys.add(s.releasedKey()));
            derived.stream().filter(d -> d.stateDict().equals(stateDict)).forEach(d -> keys.add(d.key()));
            return keys;
        }

        /** Values our parameters get that the checkpoint does not have. */
        public long zeroedValues() {
            return sources.stream().filter(Source::zero).mapToLong(s -> s.parameter().getShape().size()).sum();
        }
    }

    // ---- The table: our module (dotted path) → the released module, and what is inside. ----

    /** A 1x1 or kxk conv with bias, DJL's Conv2d inside our ConvLayer. */
    private static final Node CONV = node(copy("conv.weight", "weight"), copy("conv.bias", "bias"));
    /** A conv the released code builds with {@code bias=False}: our bias has no source and starts at zero. */
    private static final Node CONV_NO_BIAS = node(copy("conv.weight", "weight"), Leaf.zero("conv.bias"));
    /** A conv without bias on both sides (SK fusion). */
    private static final Node CONV_WITHOUT_BIAS = node(copy("conv.weight", "weight"));
    private static final Node LINEAR = node(copy("weight", "weight"), copy("bias", "bias"));
    /** RLN (docs/design/iassf.md, "Building blocks"). */
    private static final Node RLN = node(copy("weight", "weight"), copy("bias", "bias"),
            reshaped("rescaleWeight", "meta1.weight", ShapeRule.CONV_1_TO_C_WEIGHT),
            reshaped("rescaleBias", "meta1.bias", ShapeRule.CONV_1_TO_C_BIAS),
            reshaped("rebiasWeight", "meta2.weight", ShapeRule.CONV_1_TO_C_WEIGHT),
            reshaped("rebiasBias", "meta2.bias", ShapeRule.CONV_1_TO_C_BIAS));
    /** Window attention's bias MLP; the released module also holds the offsets as a buffer. */
    private static final Node WINDOW_ATTENTION = node(sub("metaIn", "meta.0", LINEAR), sub("metaOut", "meta.2", LINEAR))
            .withBuffer(RELATIVE_POSITIONS);
    /** The attention unit (released {@code Attention}): V, QK, the depth-wise conv, the window attention, proj. */
    private static final Node ATTENTION_UNIT = node(sub("value", "V", CONV), sub("queryKey", "QK", CONV),
            sub("depthwise", "conv", CONV), sub("attention", "attn", WINDOW_ATTENTION), sub("projection", "proj", CONV));
    /** A pointwise MLP (released {@code Mlp}: mlp.0 conv, mlp.1 ReLU, mlp.2 conv). */
    private static final Node MLP = node(sub("expand", "mlp.0", CONV), sub("reduce", "mlp.2", CONV));
    /** A transformer block of a restoration stage (released {@code TransformerBlock}). */
    private static final Node BLOCK = node(sub("unitNorm", "norm1", RLN), sub("unit", "attn", ATTENTION_UNIT),
            sub("mlp", "mlp", MLP));
    /** The feature encoder (released {@code RestormerEncoder}: mlp is its entry conv, ffn its MLP). */
    private static final Node ENCODER = node(sub("embed", "mlp", CONV),
            sub("block.unitNorm", "norm1", RLN), sub("block.unit", "attn", ATTENTION_UNIT),
            sub("block.mlpNorm", "norm2", RLN), sub("block.mlp", "ffn", MLP));
    /** Prompt embedding (released {@code PromptInBlock} and the embedding half of the restoration PGEB). */
    private static Node embedding(String reduce, String refine) {
        return node(sub("attention", "attention", ATTENTION_UNIT), sub("reduce", reduce, CONV_NO_BIAS),
                sub("refine", refine, CONV_NO_BIAS));
    }

    /** SK fusion (released {@code SKFusion}: mlp.0, mlp.2, both without bias). */
    private static final Node SK = node(sub("squeeze", "mlp.0", CONV_WITHOUT_BIAS),
            sub("excite", "mlp.2", CONV_WITHOUT_BIAS));
    /** Up-sampling: our conv1x1 + pixel shuffle is the released PatchUnEmbed's proj.0 + PixelShuffle. */
    private static final Node UP = node(sub("conv", "proj.0", CONV));

    /** The restoration network's state dict, by our top-level parts (docs/design/iassf.md, steps 1–5). */
    private static final Node RESTORATION_NET = node(
            // Step 1: the shared encoder and the infrared branch's conv1x1 to 3 channels.
            sub("encoder", "restormer_encoder", ENCODER),
            sub("infraredProjection", "conv24_3", CONV),
            // Step 2: prompt generation; the released conv3x3_gen has no bias.
            reshaped("prompts.pool", "PromptGenerationAndEmbeddingBlock.prompt_param", ShapeRule.LEADING_ONE),
            sub("prompts.selector", "PromptGenerationAndEmbeddingBlock.linear_layer", LINEAR),
            sub("prompts.refine", "PromptGenerationAndEmbeddingBlock.conv3x3_gen", CONV_NO_BIAS),
            // Step 3: prompt embedding; conv1x1_embed and conv3x3_embed have no bias.
            sub("embedding", "PromptGenerationAndEmbeddingBlock", embedding("conv1x1_embed", "conv3x3_embed")),
            // Step 5: the U-Net (DehazeFormer's names; fusion1..3 are our fuse2, fuse1, fuse0).
            sub("restoration", "", node(
                    sub("entry", "patch_embed.proj", CONV),
                    indexed("stage", "layer#", node(indexed("block", "blocks.#", BLOCK))),
                    sub("down1", "patch_merge1.proj", CONV),
                    sub("down2", "patch_merge2.proj", CONV),
                    sub("up1", "patch_split1", UP), sub("up2", "patch_split2", UP),
                    sub("skip0", "skip0", CONV), sub("skip1", "skip1", CONV),
                    sub("skip2", "skip2", CONV),
                    sub("fuse2", "fusion1", SK), sub("fuse1", "fusion2", SK), sub("fuse0", "fusion3", SK),
                    sub("exit", "patch_unembed.proj.0", CONV))));

    /** The fusion network's state dict (docs/design/iassf.md, step 6); our block1..5 are enc 0..2, dec 0..1. */
    private static final Node FUSION_NET = node(sub("fusion", "", node(
            reshaped("prompts.pool", "prompt_gen_block.prompt_param", ShapeRule.LEADING_ONE),
            sub("prompts.inputConv", "prompt_gen_block.conv1", CONV_NO_BIAS),
            sub("prompts.selector", "prompt_gen_block.linear_layer", LINEAR),
            sub("prompts.refine", "prompt_gen_block.conv3x3", CONV_NO_BIAS),
            sub("prompts.outputConv", "prompt_gen_block.adjust_channels", CONV_NO_BIAS),
            level("block1", "encoder1", "prompt_in_blocks_enc.0", "prompt_adjust_conv_enc.0"),
            level("block2", "encoder2", "prompt_in_blocks_enc.1", "prompt_adjust_conv_enc.1"),
            level("block3", "encoder3", "prompt_in_blocks_enc.2", "prompt_adjust_conv_enc.2"),
            level("block4", "decoder3", "prompt_in_blocks_dec.0", "prompt_adjust_conv_dec.0"),
            level("block5", "decoder2", "prompt_in_blocks_dec.1", "prompt_adjust_conv_dec.1"),
            sub("skip1", "skip_conv1", CONV), sub("skip2", "skip_conv2", CONV),
            sub("exit", "final_conv", CONV))));

    /** One fusion level: its encoder, prompt adjustment conv1x1 (no bias) and prompt embedding. */
    private static Entry level(String ours, String encoder, String embedding, String promptAdjust) {
        return sub(ours, "", node(sub("encoder", encoder, ENCODER),
                sub("promptAdjust", promptAdjust, CONV_NO_BIAS),
                sub("embedding", embedding, embedding("conv1x1", "conv3x3"))));
    }

    private ReleasedKeyTable() {}

    /**
     * The plan for {@code network}: a released source (or zero) for every parameter, and the derived buffers.
     *
     * @throws IllegalStateException when a parameter has no row: the table does not describe this network
     */
    public static Plan plan(IassfNetwork network) {
        List<Source> sources = new ArrayList<>();
        Set<Derived> derived = new LinkedHashSet<>();
        network.getParameters().forEach(p -> {
            String path = path(p.getKey());
            boolean fusion = path.startsWith("fusion.");
            String stateDict = fusion ? FUSION : RESTORATION;
            Resolution r = (fusion ? FUSION_NET : RESTORATION_NET).resolve(path, "");
            if (r == null) {
                throw new IllegalStateException("no row of the released key table for our parameter " + path);
            }
            Parameter parameter = p.getValue();
            long[] shape = r.leaf().rule().released(parameter.getShape());
            sources.add(new Source(parameter, path, stateDict, r.leaf().zeroed() ? null : r.key(), shape));
            r.buffers().forEach(b -> derived.add(new Derived(stateDict, b)));
        });
        return new Plan(List.copyOf(sources), List.copyOf(derived));
    }

    /** DJL's {@code 05restoration_02stage1_01block0_…_weight} as {@code restoration.stage1.block0.….weight}. */
    static String path(String djlName) {
        String[] segments = djlName.split("_");
        for (int i = 0; i < segments.length; i++) {
            segments[i] = segments[i].replaceFirst("^[0-9]{2}", "");
        }
        return String.join(".", segments);
    }

    // ---- The table's machinery. ----

    private sealed interface Entry permits Sub, Indexed, Leaf {}

    /** Our sub-path {@code ours} is the released sub-path {@code released} ("" for none), described by {@code node}. */
    private record Sub(String ours, String released, Node node) implements Entry {}

    /**
     * Our parameter {@code ours} is the released tensor {@code released}, shaped by {@code rule}; or, when
     * {@code zeroed}, it has no released tensor and is set to zero.
     */
    private record Leaf(String ours, String released, ShapeRule rule, boolean zeroed) implements Entry {
        static Leaf zero(String ours) {
            return new Leaf(ours, null, ShapeRule.SAME, true);
        }
    }

    /**
     * Numbered modules: our {@code <ours><i>.} is the released {@code released} with {@code #} replaced by i
     * (our {@code stage1.block0.} is the released {@code layer1.blocks.0.}).
     */
    private record Indexed(String ours, String released, Node node) implements Entry {
        /** The number after {@code ours} at the start of {@code path} and before a dot, or null. */
        String index(String path) {
            if (!path.startsWith(ours)) {
                return null;
            }
            int end = ours.length();
            while (end < path.length() && Character.isDigit(path.charAt(end))) {
                end++;
            }
            return end > ours.length() && end < path.length() && path.charAt(end) == '.'
                    ? path.substring(ours.length(), end)
                    : null;
        }
    }

    private record Resolution(Leaf leaf, String key, List<String> buffers) {}

    /** A module: its entries, and the buffers the released module holds that our module computes. */
    private record Node(List<Entry> entries, List<String> buffers) {
        Node withBuffer(String buffer) {
            List<String> b = new ArrayList<>(buffers);
            b.add(buffer);
            return new Node(entries, List.copyOf(b));
        }

        Resolution resolve(String path, String releasedPrefix) {
            for (Entry e : entries) {
                if (e instanceof Leaf leaf && path.equals(leaf.ours())) {
                    return new Resolution(leaf, leaf.zeroed() ? null : join(releasedPrefix, leaf.released()),
                            bufferKeys(releasedPrefix));
                }
                Resolution inner = null;
                if (e instanceof Sub sub && path.startsWith(sub.ours() + ".")) {
                    inner = sub.node().resolve(path.substring(sub.ours().length() + 1),
                            join(releasedPrefix, sub.released()));
                } else if (e instanceof Indexed numbered && numbered.index(path) != null) {
                    String i = numbered.index(path);
                    inner = numbered.node().resolve(path.substring(numbered.ours().length() + i.length() + 1),
                            join(releasedPrefix, numbered.released().replace("#", i)));
                }
                if (inner != null) {
                    List<String> buffers = new ArrayList<>(bufferKeys(releasedPrefix));
                    buffers.addAll(inner.buffers());
                    return new Resolution(inner.leaf(), inner.key(), buffers);
                }
            }
            return null;
        }

        private List<String> bufferKeys(String releasedPrefix) {
            return buffers.stream().map(b -> join(releasedPrefix, b)).toList();
        }
    }

    private static Node node(Entry... entries) {
        return new Node(List.of(entries), List.of());
    }

    private static Indexed indexed(String ours, String released, Node node) {
        return new Indexed(ours, released, node);
    }

    private static Sub sub(String ours, String released, Node node) {
        return new Sub(ours, released, node);
    }

    private static Leaf copy(String ours, String released) {
        return new Leaf(ours, released, ShapeRule.SAME, false);
    }

    private static Leaf reshaped(String ours, String released, ShapeRule rule) {
        return new Leaf(ours, released, rule, false);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : name.isEmpty() ? prefix : prefix + "." + name;
    }
}
