import asyncio


def print_await_chain():
    """The current task, the tasks that wait for it, and where each one is."""
    graph = asyncio.capture_call_graph()  # Python 3.14+
    while graph is not None:
        frame = graph.call_stack[-1].frame  # the task's own coroutine
        name = graph.future.get_name()
        print(f"{name}: in {frame.f_code.co_name}(), line {frame.f_lineno}")
        graph = graph.awaited_by[0] if graph.awaited_by else None


async def read_row():
    print_await_chain()
    asyncio.print_call_graph(limit=0)  # limit=0: only who awaits whom
    return "row 1"


async def query():
    return await asyncio.create_task(read_row(), name="read-row")


async def main():
    asyncio.current_task().set_name("main")
    print(await asyncio.create_task(query(), name="query"))


asyncio.run(main())
