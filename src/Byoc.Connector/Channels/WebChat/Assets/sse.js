// Server-sent events over a fetch() response body (EventSource cannot send an Authorization header).
// Parses the text/event-stream format: blank-line separated blocks of "field: value" lines, ":" comments ignored.

// Reads until the body ends; calls onEvent({ data, lastEventId }) per event and onChunk() per received chunk.
export async function readEventStream(body, onEvent, onChunk) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    onChunk();
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      dispatch(block, onEvent);
    }
  }
}

function dispatch(block, onEvent) {
  let id = null;
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === 0) {
      continue; // comment (keep-alive)
    }
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') {
      id = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length > 0) {
    onEvent({ data: data.join('\n'), lastEventId: id });
  }
}
