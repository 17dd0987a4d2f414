package app.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import app.tandem.shared.ConflictException;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.NotFoundException;
import app.tandem.shared.StaleVersionException;

/**
 * A page that cannot be shown answers a page, not the API's problem+json: an unknown or hidden objective is
 * "not found" (404, as the API says, so a private one's existence does not leak), a forbidden action 403. The API's
 * controllers ({@code @ResponseBody}) are left to the problem answers.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!(handler instanceof HandlerMethod method) || answersJson(method)) {
			return null;
		}
		int status;
		if (e instanceof NotFoundException) {
			status = 404;
		}
		else if (e instanceof AccessDeniedException) {
			status = 403;
		}
		else if (e instanceof InvalidInputException) {
			status = 400;
		}
		else if (e instanceof ConflictException || e instanceof StaleVersionException) {
			status = 409;
		}
		else {
			return null;
		}
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", status);
		if (e instanceof InvalidInputException invalid) {
			// which field was refused and why (a control character in a form field, say): the form is gone
			page.addObject("problems", invalid.errors());
		}
		page.setStatus(org.springframework.http.HttpStatus.valueOf(status));
		return page;
	}

	private static boolean answersJson(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
				|| method.hasMethodAnnotation(ResponseBody.class);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
