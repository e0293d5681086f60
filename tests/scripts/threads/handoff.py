# Ping-pong between two threads through locks: every hand-over happens, in order (the lock waits
# release the GIL and the woken thread gets it).
import _thread

ping = _thread.allocate_lock()
pong = _thread.allocate_lock()
finished = _thread.allocate_lock()
for lock in (ping, pong, finished):
    lock.acquire()
trace = []
rounds = 2000


def player():
    for i in range(rounds):
        ping.acquire()
        trace.append(-i)
        pong.release()
    finished.release()


_thread.start_new_thread(player, ())
for i in range(rounds):
    trace.append(i)
    ping.release()
    pong.acquire()
finished.acquire()
print(len(trace), trace[:6], trace == [x for i in range(rounds) for x in (i, -i)])


# CPU-bound threads all make progress and end (the eval loop offers the GIL).
counts = [0] * 4
done = _thread.allocate_lock()
left = [4]
stop = [False]


def spin(index):
    while not stop[0]:
        counts[index] += 1
        if counts[index] >= 20000:
            break
    with done_guard:
        left[0] -= 1
        if left[0] == 0:
            done.release()


done_guard = _thread.allocate_lock()
done.acquire()
for index in range(4):
    _thread.start_new_thread(spin, (index,))
done.acquire()
print(counts)
# expect: 4000 [0, 0, 1, -1, 2, -2] True
# expect: [20000, 20000, 20000, 20000]
