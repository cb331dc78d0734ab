"""A search result (search.results) for the search page's template."""

from django import template

from search.results import result_html

register = template.Library()

register.simple_tag(result_html, name="search_result")
