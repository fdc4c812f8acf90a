// Builds a plain JS value from a tape the module wrote
// (src/engine/contract/tape.rs): `words` is a view of the module's memory,
// `text` holds the value's strings one after another.
const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, TEXT = 4, ARRAY = 6, OBJECT = 7, END = 8;

// Strings the module never changes, by address: each is decoded once.
// The same address with another length is another string (a part of it).
const names = new Map();
const decoder = new TextDecoder();
const number = new Float64Array(1);
const halves = new Uint32Array(number.buffer);

export function build_value(words, text) {
  let at = 0;
  let cut = 0;
  const string = (word) => {
    if (word === TEXT) return text.slice(cut, (cut += words[at++]));
    const address = words[at++];
    const length = words[at++];
    const known = names.get(address);
    if (known?.length === length) return known.name;
    const name = decoder.decode(new Uint8Array(words.buffer, address, length));
    names.set(address, { length, name });
    return name;
  };
  const value = () => {
    const word = words[at++];
    switch (word) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        halves[0] = words[at++];
        halves[1] = words[at++];
        return number[0];
      case ARRAY: {
        const list = [];
        while (words[at] !== END) list.push(value());
        at++;
        return list;
      }
      case OBJECT: {
        const object = {};
        for (let key; (key = words[at++]) !== END; ) object[string(key)] = value();
        return object;
      }
      default:
        return string(word);
    }
  };
  return value();
}

// The other way: a plain JS value (a case, an owner's rules) as a tape for
// the module to read, so that it crosses in two calls rather than several
// per field. Returns [words, text]; numbers follow their NUMBER word.
const NOT_JSON = 9, TOO_DEEP = 10, MAX_DEPTH = 32;

export function read_value(root) {
  const words = [];
  let text = "";
  const string = (value) => {
    words.push(TEXT, value.length);
    text += value;
  };
  // false when the reading stops (a value that is not JSON data)
  const walk = (value, depth) => {
    if (depth > MAX_DEPTH) return words.push(TOO_DEEP), false;
    if (value === null || value === undefined) words.push(NULL);
    else if (value === true) words.push(TRUE);
    else if (value === false) words.push(FALSE);
    else if (typeof value === "number") words.push(NUMBER, value);
    else if (typeof value === "string") string(value);
    else if (Array.isArray(value)) {
      words.push(ARRAY);
      for (const item of value) if (!walk(item, depth + 1)) return false;
      words.push(END);
    } else if (typeof value === "object") {
      words.push(OBJECT);
      for (const key of Object.keys(value)) {
        string(key);
        if (!walk(value[key], depth + 1)) return false;
      }
      words.push(END);
    } else return words.push(NOT_JSON), string(typeof value), false;
    return true;
  };
  walk(root, 0);
  return [new Float64Array(words), text];
}
