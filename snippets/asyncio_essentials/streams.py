import asyncio


async def handle(reader, writer):
    # The server's side of one connection: answer each line in upper case.
    while line := await reader.readline():  # b"" when the client closes
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for text in lines:
        writer.write(f"{text}\n".encode())
        await writer.drain()  # wait if the send buffer is full
        reply = await reader.readline()
        replies.append(reply.decode().strip())
    writer.close()
    await writer.wait_closed()
    return f"{name} got {replies}"


async def main():
    # Port 0: the operating system picks a free port.
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:  # closes the server when the block ends
        results = await asyncio.gather(
            client(port, "alice", ["hello", "bye"]),
            client(port, "bob", ["one", "two", "three"]),
        )
    for line in results:
        print(line)


if __name__ == "__main__":
    asyncio.run(main())
