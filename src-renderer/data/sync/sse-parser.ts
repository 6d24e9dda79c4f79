/**
 * A Server-Sent Events parser (WHATWG "event stream interpretation"), fed text chunks as they
 * arrive. EventSource cannot send an Authorization header, so the desk reads the stream with
 * fetch and parses it here. Lines end in LF, CR or CRLF (a CRLF may be split across chunks);
 * lines starting with ':' are comments (heartbeats); an event is dispatched on a blank line.
 */
export interface SseEvent {
  /** 'message' when the server named none. */
  event: string;
  data: string;
  id?: string;
}

export interface SseParser {
  push(chunk: string): SseEvent[];
}

export const createSseParser = (): SseParser => {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  const line = (text: string, out: SseEvent[]) => {
    if (text === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), ...(id === undefined ? {} : { id }) });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return {
    push(chunk) {
      buffer += chunk;
      const out: SseEvent[] = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== '\n' && ch !== '\r') continue;
        // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
        if (ch === '\r' && i === buffer.length - 1) break;
        line(buffer.slice(start, i), out);
        if (ch === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
  };
};
