/**
 * Reading PyTorch checkpoints ({@code torch.save} files, such as the IASSF authors' {@code IASSF.pth}) without
 * Python and without running anything the file says: {@link org.hazefuse.weights.pytorch.TorchCheckpoint}.
 *
 * <h2>The format</h2>
 * Since PyTorch 1.6, {@code torch.save} writes a zip archive whose entries all sit in one folder,
 * {@code <name>/}:
 * <ul>
 *   <li>{@code <name>/data.pkl}: a Python pickle (protocol 2 by default) of the saved object, usually a dict.
 *       Each tensor in it is a call {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride,
 *       requires_grad, backward_hooks)}, and each storage a persistent id
 *       {@code ('storage', torch.FloatStorage, key, location, numel)}: its elements are not in the pickle but in
 *       the entry {@code <name>/data/<key>};</li>
 *   <li>{@code <name>/data/<key>}: the storage's {@code numel} elements, raw, little-endian;</li>
 *   <li>{@code <name>/version}, {@code <name>/byteorder} ({@code little}; newer versions),
 *       {@code <name>/.data/...}: bookkeeping.</li>
 * </ul>
 * A tensor is a strided view of its storage: element {@code (i0, i1, ...)} is storage element
 * {@code offset + i0·stride0 + i1·stride1 + ...}; several tensors may view one storage.
 *
 * <h2>Why it is restricted</h2>
 * A pickle is a program: its {@code GLOBAL} and {@code REDUCE} opcodes import and call any Python function, so
 * a {@code .pth} file can run {@code os.system} in Python's own loader. Here nothing is ever called: the
 * unpickler (Pyrolite's, with its opcode handling narrowed) knows the handful of names a state dict uses and
 * refuses every other name, opcode or call, naming it. The zip is read with a cap on every entry and on the
 * whole, so that a zip bomb or a lying size header ends in a refusal after reading at most the limit.
 * Every problem is a {@link org.hazefuse.io.BadInputException} with a one-line message.
 */
package org.hazefuse.weights.pytorch;
