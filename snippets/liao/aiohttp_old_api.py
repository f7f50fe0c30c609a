import asyncio
import warnings

import aiohttp
from aiohttp import web


async def index(request):
    return web.Response(text="Index")


async def main():
    loop = asyncio.get_running_loop()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = web.Application(loop=loop)  # the old way, step 1
        app.router.add_get("/", index)
        handler = app.make_handler()  # the old way, step 2
    server = await loop.create_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/") as resp:
            print("still serves:", resp.status, await resp.text())
    server.close()
    await handler.shutdown()
    await server.wait_closed()
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")


if __name__ == "__main__":
    asyncio.run(main())
