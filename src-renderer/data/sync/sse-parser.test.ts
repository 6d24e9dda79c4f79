// The SSE parser must read what any server (or proxy) may send: split chunks, CRLF split across
// chunks, comments as heartbeats, multi-line data, unnamed events.
import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser';

describe('SSE parser', () => {
  it('parses named events and skips comment heartbeats', () => {
    const parser = createSseParser();
    const events = parser.push(': hello\n\nevent: hint\ndata: {"collection":"members","seq":3}\n\n: ping\n\nevent: revoked\ndata: {}\n\n');
    expect(events).toEqual([
      { event: 'hint', data: '{"collection":"members","seq":3}' },
      { event: 'revoked', data: '{}' },
    ]);
  });

  it('reassembles events split at any byte, with CRLF split across chunks', () => {
    const text = 'event: hint\r\ndata: {"collection":"checkins",\r\ndata: "seq":7}\r\nid: 7\r\n\r\ndata:x\r\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = createSseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual([
        { event: 'hint', data: '{"collection":"checkins",\n"seq":7}', id: '7' },
        { event: 'message', data: 'x', id: '7' },
      ]);
    }
  });

  it('ignores an event without data and unknown fields', () => {
    const parser = createSseParser();
    expect(parser.push('event: hint\nretry: 100\nfoo: bar\n\n')).toEqual([]);
    expect(parser.push('data\n\n')).toEqual([{ event: 'message', data: '' }]);
  });
});
