package dev.netdb.cli;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Describes a Python value as the CLI sees it: a call's argument (decoded from JSON) or a
 * function's result. It is the neutral model that {@link JsonWriter} and {@link TextRenderer} turn
 * into output by exhaustive switches, so the two outputs cannot drift apart.
 */
sealed interface PyValue {
  /** Returns Python's {@code type(x).__name__}, as Python's error messages spell it. */
  String typeName();

  /** Python's {@code None}. */
  record PyNone() implements PyValue {
    static final PyNone NONE = new PyNone();

    @Override
    public String typeName() {
      return "NoneType";
    }
  }

  /** A {@code bool}. */
  record PyBool(boolean value) implements PyValue {
    @Override
    public String typeName() {
      return "bool";
    }
  }

  /** An {@code int} of any size. */
  record PyInt(BigInteger value) implements PyValue {
    static PyInt of(long v) {
      return new PyInt(BigInteger.valueOf(v));
    }

    @Override
    public String typeName() {
      return "int";
    }
  }

  /** A {@code float}. */
  record PyFloat(double value) implements PyValue {
    @Override
    public String typeName() {
      return "float";
    }
  }

  /** A {@code str}. */
  record PyStr(String value) implements PyValue {
    @Override
    public String typeName() {
      return "str";
    }
  }

  /** A {@code bytes} value, written as lowercase hex. */
  record PyBytes(byte[] value) implements PyValue {
    @Override
    public String typeName() {
      return "bytes";
    }
  }

  /** An {@code IntEnum} member such as {@code AddressFamily.AF_INET}, written by its name. */
  record PyEnum(String name, int value) implements PyValue {
    @Override
    public String typeName() {
      return "int";
    }
  }

  /** A {@code tuple}; JSON arrays in calls decode to tuples. */
  record PyTuple(List<PyValue> items) implements PyValue {
    @Override
    public String typeName() {
      return "tuple";
    }
  }

  /** A {@code list}. */
  record PyList(List<PyValue> items) implements PyValue {
    @Override
    public String typeName() {
      return "list";
    }
  }

  /** A {@code dict} with string keys (a JSON object), in insertion order. */
  record PyDict(Map<String, PyValue> entries) implements PyValue {
    @Override
    public String typeName() {
      return "dict";
    }
  }

  /** Returns a {@code str}. */
  static PyValue str(String s) {
    return new PyStr(s);
  }

  /** Returns a list of strings. */
  static PyValue strList(List<String> items) {
    PyValue[] out = new PyValue[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new PyStr(items.get(i));
    }
    return new PyList(List.of(out));
  }
}
