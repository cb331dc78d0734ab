from django.core.paginator import Paginator


class NarrowOffsetPaginator(Paginator):
    """Pages whose OFFSET walks the ids only (an index), then loads the page's rows, in one query.

    A plain OFFSET builds and throws away every row before the page (with its comment
    count and the rest), so page 400 of twenty years cost 400 times page 1.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = self.object_list.values("pk")[bottom:top]  # sliced, so the subquery keeps the ordering
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)
