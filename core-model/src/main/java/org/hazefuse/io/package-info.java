/**
 * Image files in and out: reading PNG, JPEG, BMP and TIFF into {@link org.hazefuse.image.FloatImage}
 * ({@link org.hazefuse.io.ImageLoader}), writing PNG atomically without ever touching an input
 * ({@link org.hazefuse.io.PngWriter}, {@link org.hazefuse.io.AtomicFiles}), a pair's outputs as one set, all or
 * nothing and never mixed between runs ({@link org.hazefuse.io.OutputSetWriter}), finding visible/infrared pairs
 * in files and folders ({@link org.hazefuse.io.PairFinder}) and loading them as
 * {@link org.hazefuse.method.ImagePair}s ({@link org.hazefuse.io.PairLoader}).
 *
 * <p>Every problem with a user's file surfaces as a {@link org.hazefuse.io.BadInputException} that names
 * the file and the problem, before anything is written.
 */
package org.hazefuse.io;
