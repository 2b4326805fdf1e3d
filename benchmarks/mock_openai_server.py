"""A minimal OpenAI-compatible server for benchmarks: answers every chat
completion after a fixed delay with the same valid summary (a tool call).

    python -m benchmarks.mock_openai_server --delay 0.5   # prints its port

Loopback only; HTTP/1.1 keep-alive; the answer is built by the embedded
server's own wire-format builder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from summarizer.embedded.wire import chat_completion

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "001.summary.fixture.json"


def _body() -> bytes:
    arguments = json.dumps(json.loads(FIXTURE.read_text(encoding="utf-8")), ensure_ascii=False)
    answer = chat_completion(model="bench", content=arguments, tool="ArticleSummary", prompt_tokens=1500,
                             completion_tokens=600, id="chatcmpl-bench")
    return json.dumps(answer, ensure_ascii=False).encode()


async def serve(delay: float, port: int) -> None:
    body = _body()
    head = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: keep-alive\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n\r\n")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                header = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in header.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                await asyncio.sleep(delay)
                writer.write(head + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description="mock OpenAI-compatible server")
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.delay, args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
