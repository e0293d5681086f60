# Method-call-heavy object simulation in the manner of Richards: an operating-system scheduler
# with an idle task, two workers, two handlers and two devices exchanging packets. Dispatch of
# overridden methods, attribute loads and stores on many small objects, linked lists.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, target, kind):
        self.link = link
        self.target = target
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = False
        self.held = False
        self.next = system.first
        system.first = self
        system.tasks[ident] = self

    def blocked(self):
        return self.held or (not self.packet_pending and self.waiting)

    def take(self, packet, current):
        # A packet arrives for this task; returns the task that should run next.
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def step(self):
        packet = None
        if self.waiting and self.packet_pending:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
        return self.run(packet)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.holds += 1
        self.held = True
        return self.next

    def release(self, ident):
        task = self.system.tasks[ident]
        task.held = False
        return task if task.priority > self.priority else self

    def send(self, packet):
        self.system.sends += 1
        task = self.system.tasks[packet.target]
        packet.link = None
        packet.target = self.ident
        return task.take(packet, self)


class IdleTask(Task):
    def __init__(self, system, count):
        Task.__init__(self, system, IDLE, 0, None)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, queue):
        Task.__init__(self, system, WORKER, 1000, queue)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.target = self.destination
        packet.datum = 0
        for i in range(DATA_SIZE):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            packet.data[i] = self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            index = work.datum
            if index >= DATA_SIZE:
                self.work = work.link
                return self.send(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.wait()
            packet = self.pending
            self.pending = None
            return self.send(packet)
        self.pending = packet
        self.system.output += packet.datum
        return self.hold()


class System:
    def __init__(self):
        self.first = None
        self.tasks = [None] * 6
        self.holds = 0
        self.sends = 0
        self.output = 0

    def schedule(self):
        task = self.first
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.step()


def run_once(count):
    system = System()
    IdleTask(system, count)
    work = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
    WorkerTask(system, work)
    for ident, priority in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        queue = Packet(None, ident + 2, KIND_DEVICE)
        queue = Packet(queue, ident + 2, KIND_DEVICE)
        queue = Packet(queue, ident + 2, KIND_DEVICE)
        HandlerTask(system, ident, priority, queue)
    DeviceTask(system, DEVICE_A, 4000)
    DeviceTask(system, DEVICE_B, 5000)
    system.schedule()
    return system.holds, system.sends, system.output


def main(rounds):
    total = 0
    for r in range(rounds):
        holds, sends, output = run_once(10000 + r)
        total += holds * 3 + sends * 7 + output
    return total


print("checksum", main(40))
