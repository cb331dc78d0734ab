"""Arranging a post's approved comments into threads for display."""

from dataclasses import dataclass, field


@dataclass
class Node:
    comment: object
    depth: int
    can_reply: bool
    display_parent: "Node | None" = None
    children: list = field(default_factory=list)
    answers_unshown: bool = False  # a reply to a comment not shown (held, spam, removed)


def build(comments, max_depth):
    """Top-level nodes, oldest first, replies nested under their parent.

    A reply deeper than `max_depth` is shown beside its parent, at the deepest level;
    a reply whose parent is not shown (pending, spam, removed) is shown at the top level, where its parent
    would be (ids follow the order comments came in), rather than after every later comment.
    """
    nodes = {}
    roots = []
    for comment in comments:
        parent = nodes.get(comment.parent_id)
        depth = parent.depth + 1 if parent else 1
        if parent and depth > max_depth:
            parent, depth = parent.display_parent, parent.depth
        answers_unshown = bool(comment.parent_id) and not parent
        node = Node(comment, depth, depth < max_depth, display_parent=parent, answers_unshown=answers_unshown)
        nodes[comment.pk] = node
        (parent.children if parent else roots).append(node)
    placed = [node for node in roots if not node.answers_unshown]
    for orphan in reversed([node for node in roots if node.answers_unshown]):  # reversed: replies to one keep order
        later = (i for i, node in enumerate(placed) if node.comment.pk > orphan.comment.parent_id)
        placed.insert(next(later, len(placed)), orphan)
    return placed
