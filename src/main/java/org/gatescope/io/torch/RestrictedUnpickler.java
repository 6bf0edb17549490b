package org.gatescope.io.torch;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pickle inside a PyTorch checkpoint as data, never as a program: it knows the opcodes
 * that {@code torch.save(state_dict)} writes (protocols 2 to 5), builds plain Java values from them,
 * and resolves only the globals a state dict needs. Every other global ({@code os.system},
 * {@code builtins.eval}, any user class) is refused by name before anything is built, so nothing
 * in the file is ever executed.
 *
 * <p>Values: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@link #NONE},
 * {@link Tuple}, {@code List}, {@code Map} (insertion-ordered), {@link StorageRef} for a
 * persistent id and {@link TensorRef} for a rebuilt tensor.
 */
final class RestrictedUnpickler {

    /** Python's None (Java maps and lists cannot tell a missing value from null). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = List.copyOf(items);
        }
    }

    /** A storage named by a persistent id: its element type, key in the archive and size. */
    record StorageRef(StorageType type, String key, long elements) {
    }

    /** A tensor view of a storage, as {@code torch._utils._rebuild_tensor_v2} describes it. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
    }

    /** Thrown for anything the reader refuses; the message names what and where. */
    static final class PickleException extends Exception {
        PickleException(String message) {
            super(message);
        }
    }

    /** Turns a persistent id tuple into a storage reference (zip and legacy formats differ). */
    interface PersistentLoader {
        StorageRef load(Tuple id) throws PickleException;
    }

    private record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    private static final Object MARK = new Object();
    private static final Set<String> ALLOWED = Set.of(
            "collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state");

    private final ByteBuffer in;
    private final PersistentLoader persistent;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private RestrictedUnpickler(ByteBuffer in, PersistentLoader persistent) {
        this.in = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.persistent = persistent;
    }

    /** Reads one pickle from the start of {@code bytes}; {@link #consumed} tells how far it went. */
    static Result load(ByteBuffer bytes, PersistentLoader persistent) throws PickleException {
        RestrictedUnpickler reader = new RestrictedUnpickler(bytes, persistent);
        try {
            Object value = reader.run();
            return new Result(value, reader.in.position());
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw damaged("ends inside an opcode at byte " + reader.in.position());
        }
    }

    record Result(Object value, int consumed) {
    }

    private Object run() throws PickleException {
        while (true) {
            if (!in.hasRemaining()) {
                throw damaged("ends before its STOP opcode");
            }
            int at = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> u8(); // PROTO
                case 0x95 -> in.getLong(); // FRAME: a length hint for buffered readers
                case '.' -> {
                    return pop(at);
                }
                case '(' -> stack.add(MARK);
                case '0' -> pop(at);
                case '1' -> popMark(at);
                case '2' -> push(peek(at));
                case 'c' -> push(global(new Global(line(), line()), at));
                case 0x93 -> {
                    Object name = pop(at);
                    Object module = pop(at);
                    push(global(new Global(string(module, at), string(name, at)), at));
                }
                case 'q' -> memo.put((long) u8(), peek(at));
                case 'r' -> memo.put(u32(), peek(at));
                case 0x94 -> memo.put((long) memo.size(), peek(at));
                case 'h' -> push(memo(u8(), at));
                case 'j' -> push(memo(u32(), at));
                case '}' -> push(new LinkedHashMap<Object, Object>());
                case ']' -> push(new ArrayList<Object>());
                case ')' -> push(new Tuple(List.of()));
                case 't' -> push(new Tuple(popMark(at)));
                case 0x85, 0x86, 0x87 -> {
                    int n = op - 0x84;
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        items.add(0, pop(at));
                    }
                    push(new Tuple(items));
                }
                case 'J' -> push((long) in.getInt());
                case 'K' -> push((long) u8());
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 0x8a -> push(long1(at));
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong(advance(8)))));
                case 'X' -> push(utf8(u32(), at));
                case 0x8c -> push(utf8(u8(), at));
                case 0x8d -> push(utf8(in.getLong(), at));
                case 'T' -> push(latin1(u32(), at));
                case 'U' -> push(latin1(u8(), at));
                case 'N' -> push(NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'R' -> {
                    Object args = pop(at);
                    Object callable = pop(at);
                    push(call(callable, args, at));
                }
                case 'b' -> build(pop(at), peek(at), at);
                case 's' -> {
                    Object value = pop(at);
                    Object key = pop(at);
                    dict(peek(at), at).put(key, value);
                }
                case 'u' -> {
                    List<Object> items = popMark(at);
                    Map<Object, Object> dict = dict(peek(at), at);
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        dict.put(items.get(i), items.get(i + 1));
                    }
                }
                case 'a' -> {
                    Object value = pop(at);
                    list(peek(at), at).add(value);
                }
                case 'e' -> {
                    List<Object> items = popMark(at);
                    list(peek(at), at).addAll(items);
                }
                case 'Q' -> {
                    Object id = pop(at);
                    if (!(id instanceof Tuple tuple)) {
                        throw damaged("has a persistent id that is not a tuple at byte " + at);
                    }
                    push(persistent.load(tuple));
                }
                default -> throw new PickleException(String.format(
                        "uses pickle opcode 0x%02x at byte %d, which a PyTorch state dict never needs", op, at));
            }
        }
    }

    private Object global(Global global, int at) throws PickleException {
        if (ALLOWED.contains(global.qualified())) {
            return global;
        }
        if (global.module().equals("torch") && StorageType.fromPickleName(global.name()) != null) {
            return StorageType.fromPickleName(global.name());
        }
        throw new PickleException("names the global " + global.qualified() + " (byte " + at
                + "), which a state dict does not need; GateScope runs nothing from a file, so it reads only"
                + " tensors, storages and OrderedDict");
    }

    private Object call(Object callable, Object args, int at) throws PickleException {
        if (!(callable instanceof Global global) || !(args instanceof Tuple tuple)) {
            throw damaged("calls something that is not an allowed global at byte " + at);
        }
        List<Object> a = tuple.items();
        switch (global.qualified()) {
            case "collections.OrderedDict" -> {
                return new LinkedHashMap<Object, Object>();
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                if (a.size() < 4 || !(a.get(0) instanceof StorageRef storage)) {
                    throw damaged("rebuilds a tensor without a storage at byte " + at);
                }
                return new TensorRef(storage, integer(a.get(1), at), longs(a.get(2), at), longs(a.get(3), at));
            }
            default -> {
                // _rebuild_parameter(data, requires_grad, hooks[, state]): a Parameter is its tensor.
                if (a.isEmpty() || !(a.get(0) instanceof TensorRef tensor)) {
                    throw damaged("rebuilds a parameter without a tensor at byte " + at);
                }
                return tensor;
            }
        }
    }

    /** BUILD sets attributes; a state dict's only one is OrderedDict's {@code _metadata}, kept out. */
    private void build(Object state, Object target, int at) throws PickleException {
        if (!(target instanceof Map)) {
            throw damaged("sets the state of " + describe(target) + " at byte " + at);
        }
    }

    private Object memo(long key, int at) throws PickleException {
        Object value = memo.get(key);
        if (value == null) {
            throw damaged("refers to memo entry " + key + " before it is stored (byte " + at + ")");
        }
        return value;
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop(int at) throws PickleException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw damaged("pops an empty stack at byte " + at);
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek(int at) throws PickleException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw damaged("reads an empty stack at byte " + at);
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark(int at) throws PickleException {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw damaged("closes a mark it never opened at byte " + at);
        }
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object value, int at) throws PickleException {
        if (value instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw damaged("sets an item on " + describe(value) + " at byte " + at);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, int at) throws PickleException {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw damaged("appends to " + describe(value) + " at byte " + at);
    }

    private static long integer(Object value, int at) throws PickleException {
        if (value instanceof Long number) {
            return number;
        }
        throw damaged("has " + describe(value) + " where a whole number belongs (byte " + at + ")");
    }

    private static long[] longs(Object value, int at) throws PickleException {
        if (!(value instanceof Tuple tuple)) {
            throw damaged("has " + describe(value) + " where a tensor's size or stride belongs (byte " + at + ")");
        }
        long[] result = new long[tuple.items().size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = integer(tuple.items().get(i), at);
        }
        return result;
    }

    private static String string(Object value, int at) throws PickleException {
        if (value instanceof String s) {
            return s;
        }
        throw damaged("names a global with " + describe(value) + " at byte " + at);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName();
    }

    private static PickleException damaged(String what) {
        return new PickleException("is damaged: its pickle " + what);
    }

    private int u8() {
        return in.get() & 0xff;
    }

    private long u32() {
        return in.getInt() & 0xffffffffL;
    }

    private int advance(int bytes) throws PickleException {
        int at = in.position();
        if (in.remaining() < bytes) {
            throw damaged("ends inside a value at byte " + at);
        }
        in.position(at + bytes);
        return at;
    }

    /** LONG1: little-endian two's complement; past 8 bytes (torch's legacy magic) a BigInteger. */
    private Object long1(int at) throws PickleException {
        int n = u8();
        int start = advance(n);
        byte[] bigEndian = new byte[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            bigEndian[n - 1 - i] = in.get(start + i);
        }
        BigInteger value = n == 0 ? BigInteger.ZERO : new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private String utf8(long length, int at) throws PickleException {
        return new String(bytes(length, at), StandardCharsets.UTF_8);
    }

    private String latin1(long length, int at) throws PickleException {
        return new String(bytes(length, at), StandardCharsets.ISO_8859_1);
    }

    private byte[] bytes(long length, int at) throws PickleException {
        if (length < 0 || length > in.remaining()) {
            throw damaged("claims a string of " + length + " bytes at byte " + at + ", past its end");
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return bytes;
    }

    private String line() throws PickleException {
        StringBuilder text = new StringBuilder();
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                return text.toString();
            }
            if (text.length() > 256) {
                break;
            }
            text.append(c);
        }
        throw damaged("has a global name without an end");
    }
}
