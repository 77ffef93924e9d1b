/**
 * Training and validation data: (hazy visible, infrared, clear visible) triplets as the trainer consumes them.
 *
 * <p>{@link org.hazefuse.data.TrainingSet} lists the pairs (clear pairs get random haze per sample, triplet
 * folders bring their own); {@link org.hazefuse.data.PatchSampler} turns a global sample index into an
 * augmented patch triplet, deterministically from the run seed, so training resumes exactly from a step
 * number; {@link org.hazefuse.data.BatchPrefetcher} runs that on worker threads and hands the trainer ready
 * NCHW float batches; {@link org.hazefuse.data.ValidationSet} loads whole frames with fixed haze;
 * {@link org.hazefuse.data.PairCache} keeps decoded images in memory under a byte cap.
 */
package org.hazefuse.data;
