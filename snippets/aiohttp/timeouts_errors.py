import asyncio

import aiohttp
from aiohttp import web

slow_handler = "not started"


async def slow(request):
    global slow_handler
    slow_handler = "running"
    try:
        await asyncio.sleep(1)  # far longer than the client will wait
    except asyncio.CancelledError:
        slow_handler = "cancelled when the client went away"
        raise
    slow_handler = "finished"
    return web.Response(text="too late")


async def main():
    app = web.Application()
    app.router.add_get("/slow", slow)
    runner = web.AppRunner(app, handler_cancellation=True)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    try:
        async with aiohttp.ClientSession(
            base_url=f"http://{host}:{port}"
        ) as session:
            try:
                # For this request only.
                timeout = aiohttp.ClientTimeout(total=0.2)
                async with session.get("/slow", timeout=timeout) as resp:
                    print(await resp.text())
            except TimeoutError:
                print("GET /slow: no answer within 0.2 s")

            async with session.get("/missing") as resp:
                print(f"GET /missing: {resp.status} {resp.reason}")
                try:
                    resp.raise_for_status()
                except aiohttp.ClientResponseError as err:
                    name = type(err).__name__
                    print(f"raise_for_status(): {name} {err.status}")
    finally:
        await runner.cleanup()
    print(f"Server side, the slow handler was {slow_handler}")


if __name__ == "__main__":
    asyncio.run(main())
