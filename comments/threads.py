"""Arranging a post's approved comments into threads for display."""

from dataclasses import dataclass, field


@dataclass
class Node:
    comment: object
    depth: int
    can_reply: bool
    display_parent: "Node | None" = None
    children: list = field(default_factory=list)


def build(comments, max_depth):
    """Top-level nodes, oldest first, replies nested under their parent.

    A reply deeper than `max_depth` is shown beside its parent, at the deepest level;
    a reply whose parent is not shown (pending, spam, removed) is shown at the top level.
    """
    nodes = {}
    roots = []
    for comment in comments:
        parent = nodes.get(comment.parent_id)
        depth = parent.depth + 1 if parent else 1
        if parent and depth > max_depth:
            parent, depth = parent.display_parent, parent.depth
        node = Node(comment, depth, can_reply=depth < max_depth, display_parent=parent)
        nodes[comment.pk] = node
        (parent.children if parent else roots).append(node)
    return roots
