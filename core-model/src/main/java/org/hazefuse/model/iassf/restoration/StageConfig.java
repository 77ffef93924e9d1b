package org.hazefuse.model.iassf.restoration;

/**
 * One stage of the restoration U-Net (docs/design/iassf.md, "Forward pass", step 5, the stage table).
 *
 * @param channels feature width of the stage
 * @param depth number of transformer blocks
 * @param heads attention heads
 * @param mlpRatio MLP hidden width / channels
 * @param attentionShare share of the blocks, counted from the end, that use window attention
 */
public record StageConfig(int channels, int depth, int heads, double mlpRatio, double attentionShare) {
    public StageConfig {
        if (channels <= 0 || depth <= 0 || heads <= 0 || mlpRatio <= 0) {
            throw new IllegalArgumentException("stage sizes must be positive: " + this);
        }
        if (attentionShare < 0 || attentionShare > 1) {
            throw new IllegalArgumentException("attention share must be in [0, 1]: " + attentionShare);
        }
        if (attentionShare > 0 && channels % heads != 0) {
            throw new IllegalArgumentException(channels + " channels cannot split into " + heads + " heads");
        }
    }

    /** A stage of {@code channels} width, to be sized with the builder's named steps. */
    public static Builder width(int channels) {
        return new Builder(channels);
    }

    /** Named steps for the stage table; defaults: 1 block, 1 head, MLP ratio 2, no attention. */
    public static final class Builder {
        private final int channels;
        private int depth = 1;
        private int heads = 1;
        private double mlpRatio = 2;
        private double attentionShare;

        private Builder(int channels) {
            this.channels = channels;
        }

        public Builder blocks(int n) {
            depth = n;
            return this;
        }

        public Builder heads(int n) {
            heads = n;
            return this;
        }

        public Builder mlpRatio(double r) {
            mlpRatio = r;
            return this;
        }

        /** The share of blocks, counted from the end, that use window attention. */
        public Builder attention(double share) {
            attentionShare = share;
            return this;
        }

        public StageConfig build() {
            return new StageConfig(channels, depth, heads, mlpRatio, attentionShare);
        }
    }
}
