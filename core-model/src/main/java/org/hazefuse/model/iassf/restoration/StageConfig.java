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
}
